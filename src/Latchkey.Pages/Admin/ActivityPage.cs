using Latchkey.Core.Admin;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/activity</c> (activity:read): the system-wide log of <c>GET /api/admin/activity</c>, newest first, one
/// page at a time, through <see cref="ActivitySearch"/> like the API.
/// </summary>
internal static class ActivityPage
{
    public static async Task<IResult> ShowAsync(AdminConsole console, ActivitySearch activity, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.ActivityRead, ct);
        if (admin is null) return refused!;
        var q = http.Request.Query;
        var asked = new ActivityListQuery(AdminQuery.Value(q["type"]), AdminQuery.Value(q["userId"]), AdminQuery.Value(q["ip"]),
            AdminQuery.Value(q["outcome"]), AdminQuery.Value(q["from"]), AdminQuery.Value(q["to"]), AdminQuery.Page(q["page"]));
        var found = await SearchAsync(activity, asked, ct);
        return ListResult.Page<ActivityView, ActivityEntry>(http, admin, asked, found);
    }

    private static async Task<Result<Page<ActivityEntry>>> SearchAsync(ActivitySearch activity, ActivityListQuery asked, CancellationToken ct)
    {
        Guid? userId = null;
        if (asked.UserId is not null)
        {
            if (!Guid.TryParse(asked.UserId, out var id)) return AuthError.Field("userId", "User id must be an account's id");
            userId = id;
        }
        if (asked.Outcome is not (null or "success" or "failure")) return AuthError.Field("outcome", "outcome must be success or failure");
        if (!AdminQuery.TryDate(asked.From, false, out var from)) return AuthError.Field("from", "From must be a date (YYYY-MM-DD)");
        if (!AdminQuery.TryDate(asked.To, true, out var to)) return AuthError.Field("to", "To must be a date (YYYY-MM-DD)");
        bool? success = asked.Outcome is null ? null : asked.Outcome == "success";
        return await activity.SearchAsync(new ActivityQuery(asked.Type, userId, asked.Ip, success, from, to, asked.Page, PageLimits.DefaultLimit), ct);
    }
}
