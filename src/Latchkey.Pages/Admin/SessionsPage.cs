using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/sessions</c> (sessions:read): active sessions across accounts, newest first, as
/// <c>GET /api/admin/sessions</c> lists them; <c>/admin/sessions/{id}/revoke</c> (sessions:revoke) confirms and
/// revokes one through <see cref="SessionAdministration"/>, audited with the administrator.
/// </summary>
internal static class SessionsPage
{
    public static async Task<IResult> ShowAsync(AdminConsole console, SessionAdministration sessions, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.SessionsRead, ct);
        if (admin is null) return refused!;
        var q = http.Request.Query;
        var userText = AdminQuery.Value(q["userId"]);
        var page = AdminQuery.Page(q["page"]);
        Result<Page<Session>> found = userText is not null && !Guid.TryParse(userText, out _)
            ? AuthError.Field("userId", "Account id must be an account's id")
            : await sessions.ListAsync(userText is null ? null : Guid.Parse(userText), page, PageLimits.DefaultLimit, ct);
        return ListResult.Page<SessionsView, Session>(http, admin, userText, found);
    }

    public static async Task<IResult> ConfirmAsync(Guid id, AdminConsole console, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.SessionsRevoke, ct);
        return admin is null ? refused! : Confirm(http, admin, id, null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> RevokeAsync(Guid id, AdminConsole console, FlowForms forms, SessionAdministration sessions, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.SessionsRevoke, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.RevokeSession(id), ct);
        if (form is null) return expired!;
        if (form["confirm"] != "yes") return Confirm(http, admin, id, ConfirmBox.Missing, StatusCodes.Status400BadRequest);
        var revoked = await sessions.RevokeAsync(id, admin.Actor(http), ct);
        if (!revoked.IsSuccess) return Confirm(http, admin, id, revoked.Error, AdminErrorStatus.For(revoked.Error));
        return Results.Redirect($"{AdminPaths.Sessions}?revoked=1");
    }

    private static IResult Confirm(HttpContext http, AdminCaller admin, Guid id, AuthError? error, int status) =>
        PageResults.Page<SessionRevokeView>(http, new Dictionary<string, object?>
        {
            [nameof(SessionRevokeView.Admin)] = admin,
            [nameof(SessionRevokeView.SessionId)] = id,
            [nameof(SessionRevokeView.Error)] = error,
        }, status);
}
