using Latchkey.Core.Admin;
using Latchkey.Core.Admin.Impersonation;
using Latchkey.Core.Authentication;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/users/{id}/{action}</c>: the confirmation page of one <see cref="UserAction"/> (GET) and the action
/// itself (POST: antiforgery token, the explicit confirm box, the action's permission). Each calls the core
/// service the admin API calls, which records the change with the acting administrator and keeps its guards
/// (no self-lockout, never the last admin, no escalation).
/// </summary>
internal static class UserActionPage
{
    public static async Task<IResult> ShowAsync(Guid id, string action, UserActionServices s, HttpContext http, CancellationToken ct)
    {
        if (UserAction.Find(action) is not { } what) return UserPage.NotFound(http);
        var (admin, refused) = await s.Console.EnterAsync(http, what.Permission, ct);
        if (admin is null) return refused!;
        var user = await s.Users.FindByIdAsync(id, ct);
        if (user is null) return UserPage.NotFound(http);
        return await FormAsync(http, s, admin, what, user, null, null, null, StatusCodes.Status200OK, ct);
    }

    public static async Task<IResult> SubmitAsync(Guid id, string action, UserActionServices s, HttpContext http, CancellationToken ct)
    {
        if (UserAction.Find(action) is not { } what) return UserPage.NotFound(http);
        var (admin, refused) = await s.Console.EnterAsync(http, what.Permission, ct);
        if (admin is null) return refused!;
        var (form, expired) = await s.Forms.ReadAsync(http, AdminPaths.Action(id, action), ct);
        if (form is null) return expired!;
        var user = await s.Users.FindByIdAsync(id, ct);
        if (user is null) return UserPage.NotFound(http);
        string? role = form["role"], reason = form["reason"];
        var error = form["confirm"] == "yes" ? await RunAsync(what, user, role, reason, admin, s, http, ct)
            : ConfirmBox.Missing;
        if (error is not null) return await FormAsync(http, s, admin, what, user, role, reason, error, AdminErrorStatus.For(error), ct);
        if (what == UserAction.Delete) return Results.Redirect($"{AdminPaths.Users}?deleted=1", preserveMethod: false);
        if (what == UserAction.Impersonate) return Results.Redirect(AdminPaths.Root);
        return Results.Redirect($"{AdminPaths.User(id)}?done={what.Slug}");
    }

    private static async Task<AuthError?> RunAsync(
        UserAction what, User user, string? role, string? reason, AdminCaller admin, UserActionServices s, HttpContext http, CancellationToken ct)
    {
        var actor = admin.Actor(http);
        if (what == UserAction.Delete) return Failure(await s.Accounts.DeleteAsync(user.Id, actor, ct));
        if (what == UserAction.RevokeSessions) return await RevokeSessionsAsync(user.Id, actor, s, ct);
        if (what == UserAction.SendVerification) return await SendVerificationAsync(user, admin, s, http, ct);
        if (what == UserAction.Impersonate)
        {
            var started = await s.Impersonation.StartAsync(actor, admin.Caller.Credential == CredentialKind.Cookie, user.Id, reason, ct);
            if (!started.IsSuccess) return started.Error;
            s.ImpersonationCookie.Set(http, started.Value.CookieSecret, started.Value.ExpiresAt);
            return null;
        }
        var change = what == UserAction.Lock ? new UserChange(Locked: true)
            : what == UserAction.Unlock ? new UserChange(Locked: false)
            : what == UserAction.Disable ? new UserChange(Disabled: true)
            : what == UserAction.Enable ? new UserChange(Disabled: false)
            : what == UserAction.RequirePasswordReset ? new UserChange(RequirePasswordReset: true)
            : new UserChange(Role: string.IsNullOrWhiteSpace(role) ? "" : role);
        return Failure(await s.Accounts.UpdateAsync(user.Id, change, actor, ct));
    }

    /// <summary>Revokes the account's active sessions one by one, as <c>DELETE /api/admin/sessions/{id}</c> does (each one audited).</summary>
    private static async Task<AuthError?> RevokeSessionsAsync(Guid userId, AdminActor actor, UserActionServices s, CancellationToken ct)
    {
        var sessions = await s.Sessions.ListAsync(userId, 1, PageLimits.MaxLimit, ct);
        if (!sessions.IsSuccess) return sessions.Error;
        foreach (var session in sessions.Value.Items)
            if (Failure(await s.Sessions.RevokeAsync(session.Id, actor, ct)) is { Code: not AuthErrorCodes.NotFound } failed) return failed;
        return null;
    }

    /// <summary>
    /// Mails a new verification link through the service the account's own "resend" uses; its activity row carries the
    /// administrator as the actor. A disabled account gets no mail, so the page says so instead of claiming it was sent.
    /// </summary>
    private static async Task<AuthError?> SendVerificationAsync(User user, AdminCaller admin, UserActionServices s, HttpContext http, CancellationToken ct)
    {
        if (user.Disabled) return AuthError.Validation("The account is disabled and is sent no mail; enable it first");
        return Failure(await s.Verification.ResendAsync(user.Id, null, null, admin.ActingContext(http), ct));
    }

    private static AuthError? Failure<T>(Result<T> result) => result.IsSuccess ? null : result.Error;

    private static async Task<IResult> FormAsync(HttpContext http, UserActionServices s, AdminCaller admin, UserAction what, User user,
        string? role, string? reason, AuthError? error, int status, CancellationToken ct) =>
        PageResults.Page<UserActionView>(http, new Dictionary<string, object?>
        {
            [nameof(UserActionView.Admin)] = admin,
            [nameof(UserActionView.Action)] = what,
            [nameof(UserActionView.User)] = user,
            [nameof(UserActionView.Roles)] = what == UserAction.ChangeRole ? (await s.Roles.ListAsync(ct)).Select(r => r.Name).ToList() : [],
            [nameof(UserActionView.Role)] = role ?? user.Role,
            [nameof(UserActionView.Reason)] = reason,
            [nameof(UserActionView.Error)] = error,
        }, status);
}
