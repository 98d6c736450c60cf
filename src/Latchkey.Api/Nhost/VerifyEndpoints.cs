using Latchkey.Api.Common;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Latchkey.Api.Nhost;

/// <summary>
/// <c>GET /v1/verify</c>: the page every Nhost email link opens. It redeems the ticket with the core service of
/// its prefix and redirects to <c>redirectTo</c> — with <c>refreshToken</c> and <c>type</c> when a session was
/// started, with <c>error</c> and <c>errorDescription</c> when the ticket failed. <c>redirectTo</c> is checked
/// first: a request that cannot go to an allowed URL is answered with a JSON error, never redirected.
/// </summary>
public static class VerifyEndpoints
{
    private static readonly HashSet<string> Types = [.. NhostTicketKind.All.Select(k => k.Type)];

    public static void MapNhostVerify(this RouteGroupBuilder v1)
    {
        v1.MapGet("/verify", Verify).RateLimited(RateLimitPolicies.VerifyCode);
    }

    private static async Task<IResult> Verify(
        string? ticket, string? type, string? redirectTo, RedirectPolicy redirects, TicketRedemption redemption,
        NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(ticket)) return errors.ToResult(NhostEndpoints.Missing("ticket"));
        if (string.IsNullOrEmpty(redirectTo)) return errors.ToResult(NhostEndpoints.Missing("redirectTo"));
        if (!redirects.IsAllowed(redirectTo)) return errors.ToResult(new AuthError(AuthErrorCodes.RedirectNotAllowed, "The redirect URL is not allowed"));
        // Deprecated and never trusted (the prefix decides), but still one of the spec's values.
        if (type is not null && !Types.Contains(type)) return errors.ToResult(AuthError.Field("type", "type is not a ticket type"));

        if (NhostTicketKind.Parse(ticket) is not ({ } kind, var secret))
            return Redirect(redirectTo, Failure(errors, TicketService.InvalidToken));
        var result = await redemption.RedeemAsync(kind, secret, http.RequestContext(), ct);
        return Redirect(redirectTo, result.IsSuccess ? result.Value : Failure(errors, result.Error));
    }

    private static Dictionary<string, string?> Failure(NhostErrors errors, AuthError error) =>
        new() { ["error"] = errors.Translate(error.Code).Error, ["errorDescription"] = error.Message };

    private static IResult Redirect(string redirectTo, IDictionary<string, string?> query) =>
        Results.Redirect(QueryHelpers.AddQueryString(redirectTo, query));
}

/// <summary>What each ticket kind does in the core, and the query the redirect carries on success.</summary>
public sealed class TicketRedemption(
    PasswordlessSignInService passwordless,
    EmailVerificationService verification,
    EmailChangeService emailChange,
    PasswordResetService resets,
    SessionStarter sessions)
{
    public async Task<Result<Dictionary<string, string?>>> RedeemAsync(NhostTicketKind kind, string secret, RequestContext context, CancellationToken ct)
    {
        if (kind == NhostTicketKind.SignInPasswordless)
        {
            var signedIn = await passwordless.MagicLinkAsync(secret, SessionKinds.Bearer, context, ct);
            if (!signedIn.IsSuccess) return signedIn.Error;
            // A redirect has no room for the second step: the account signs in with its password and code instead.
            if (signedIn.Value.Session is not { } session)
                return new AuthError(AuthErrorCodes.Forbidden, "This account has a second factor: sign in with email and password");
            return Query(kind, session.RefreshToken);
        }
        if (kind == NhostTicketKind.PasswordReset)
        {
            // The link is checked, not used up: the app sets the new password with this ticket at /user/password.
            var valid = await resets.ValidateAsync(secret, ct);
            return valid.IsSuccess ? new Dictionary<string, string?> { ["ticket"] = kind.Ticket(secret), ["type"] = kind.Type } : valid.Error;
        }
        var user = kind == NhostTicketKind.EmailVerify
            ? await verification.VerifyAsync(secret, context, ct)
            : await emailChange.VerifyAsync(null, secret, context, ct);
        if (!user.IsSuccess) return user.Error;
        return await SignInAfterProofAsync(kind, user.Value, context, ct);
    }

    /// <summary>
    /// The link proved control of the inbox, as a magic link does, so (like Nhost) the app lands signed in —
    /// unless the account has a second factor or is disabled: then the address is confirmed and nothing more.
    /// </summary>
    private async Task<Result<Dictionary<string, string?>>> SignInAfterProofAsync(NhostTicketKind kind, User user, RequestContext context, CancellationToken ct)
    {
        if (user.TwoFactorEnabled || user.Disabled) return Query(kind, null);
        var started = await sessions.StartAsync(user, SessionKinds.Bearer, AuthMethods.MagicLink, context, ct);
        return Query(kind, started.Session.RefreshToken);
    }

    private static Dictionary<string, string?> Query(NhostTicketKind kind, string? refreshToken)
    {
        var query = new Dictionary<string, string?> { ["type"] = kind.Type };
        if (refreshToken is not null) query["refreshToken"] = refreshToken;
        return query;
    }
}
