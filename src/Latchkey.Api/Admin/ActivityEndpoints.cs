using Latchkey.Api.Admin.Contracts;
using Latchkey.Api.Authentication;
using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Admin;

/// <summary><c>/api/admin/activity</c>: the system-wide log, newest first, filtered by type, user, IP, outcome and time.</summary>
public static class ActivityEndpoints
{
    public static void MapAdminActivity(this RouteGroupBuilder admin) =>
        admin.MapGet("/activity", Search).RequirePermission(Permissions.ActivityRead);

    private static async Task<IResult> Search(
        string? type, Guid? userId, string? ip, string? outcome, DateTime? from, DateTime? to, int? page, int? limit,
        ActivitySearch activity, CancellationToken ct)
    {
        if (outcome is not (null or "success" or "failure")) return AdminHttp.Error(AuthError.Field("outcome", "outcome must be success or failure"));
        bool? success = outcome is null ? null : outcome == "success";
        var query = new ActivityQuery(type, userId, ip, success, UserEndpoints.Utc(from), UserEndpoints.Utc(to), page ?? 1, limit ?? PageLimits.DefaultLimit);
        return AdminHttp.OkOr(await activity.SearchAsync(query, ct),
            found => new ActivityResponse(true, found.Items.Select(AdminActivityView.From).ToList(), found.Pagination()));
    }
}
