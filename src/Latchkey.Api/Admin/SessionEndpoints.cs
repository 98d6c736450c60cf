using Latchkey.Api.Admin.Contracts;
using Latchkey.Api.Authentication;
using Latchkey.Core.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Admin;

/// <summary><c>/api/admin/sessions</c>: active sessions of every account, and revoking one.</summary>
public static class SessionEndpoints
{
    public static void MapAdminSessions(this RouteGroupBuilder admin)
    {
        admin.MapGet("/sessions", List).RequirePermission(Permissions.SessionsRead);
        admin.MapDelete("/sessions/{id:guid}", Revoke).RequirePermission(Permissions.SessionsRevoke);
    }

    private static async Task<IResult> List(Guid? userId, int? page, int? limit, SessionAdministration sessions, CancellationToken ct) =>
        AdminHttp.OkOr(await sessions.ListAsync(userId, page ?? 1, limit ?? PageLimits.DefaultLimit, ct),
            found => new SessionsResponse(true, found.Items.Select(AdminSessionView.From).ToList(), found.Pagination()));

    private static async Task<IResult> Revoke(Guid id, SessionAdministration sessions, HttpContext http, CancellationToken ct) =>
        AdminHttp.OkOr(await sessions.RevokeAsync(id, http.Actor(), ct), _ => new AdminMessageResponse(true, "Session revoked"));
}
