using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Latchkey.Core.Verification;

namespace Latchkey.Api.Nhost;

/// <summary><c>/v1/user</c>, <c>/v1/user/deanonymize</c> and <c>/v1/user/password</c>.</summary>
public static class UserEndpoints
{
    public static void MapNhostUser(this RouteGroupBuilder v1)
    {
        v1.MapGet("/user", GetUser).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        v1.MapPost("/user/deanonymize", Deanonymize).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        v1.MapPost("/user/password", ChangePassword);
    }

    private static async Task<IResult> GetUser(IUserStore users, NhostSessions shapes, NhostErrors errors, HttpContext http, CancellationToken ct) =>
        await users.FindByIdAsync(http.Caller().UserId, ct) is { } user
            ? NhostEndpoints.Ok(shapes.ToUser(user))
            : errors.ToResult(new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required"));

    private static async Task<IResult> Deanonymize(
        UserDeanonymizeRequest body, DeanonymizeService deanonymize, NhostErrors errors, RedirectPolicy redirects,
        HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.SignInMethod)) return errors.ToResult(NhostEndpoints.Missing("signInMethod"));
        if (string.IsNullOrWhiteSpace(body.Email)) return errors.ToResult(NhostEndpoints.Missing("email"));
        if (redirects.CheckRedirect(body.Options?.RedirectTo) is { } badRedirect) return errors.ToResult(badRedirect);
        if (body.SignInMethod == "passwordless")
            return errors.ToResult(new AuthError(AuthErrorCodes.FeatureDisabled, "Passwordless sign-in is not available on this server"));
        if (body.SignInMethod != "email-password")
            return errors.ToResult(AuthError.Field("signInMethod", "signInMethod must be \"email-password\" or \"passwordless\""));
        if (string.IsNullOrEmpty(body.Password)) return errors.ToResult(NhostEndpoints.Missing("password"));

        var result = await deanonymize.WithPasswordAsync(http.Caller().UserId, body.Email, body.Password, body.Options.ToProfile(), http.NhostContext(), ct);
        return result.IsSuccess ? NhostEndpoints.OkString() : errors.ToResult(result.Error);
    }

    /// <summary>
    /// The spec allows a signed-in user or a password-reset ticket. Signed in, the core asks for a recent
    /// sign-in instead of the current password (<c>Latchkey:Sessions:RecentSignInWindow</c>).
    /// </summary>
    private static async Task<IResult> ChangePassword(
        UserPasswordRequest body, PasswordChangeService passwords, PasswordResetService resets, Webauthn.NhostElevation elevation,
        NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.NewPassword)) return errors.ToResult(NhostEndpoints.Missing("newPassword"));
        if (body.Ticket is { } ticket)
        {
            if (NhostTicketKind.Parse(ticket) is not ({ } kind, var secret) || kind != NhostTicketKind.PasswordReset)
                return errors.ToResult(new AuthError(AuthErrorCodes.InvalidToken, "Invalid or expired ticket"));
            var reset = await resets.ResetAsync(secret, body.NewPassword, http.RequestContext(), ct);
            return reset.IsSuccess ? NhostEndpoints.OkString() : errors.ToResult(reset.Error);
        }
        if (await NhostEndpoints.AuthenticatedCallerAsync(http) is not { SessionId: { } sessionId } caller)
            return errors.ToResult(new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required"));
        if (await elevation.RequireAsync(http, caller, ct) is { } notElevated) return errors.ToResult(notElevated);

        var result = await passwords.ChangeWithRecentSignInAsync(caller.UserId, sessionId, body.NewPassword, http.RequestContext(), ct);
        return result.IsSuccess ? NhostEndpoints.OkString() : errors.ToResult(result.Error);
    }
}
