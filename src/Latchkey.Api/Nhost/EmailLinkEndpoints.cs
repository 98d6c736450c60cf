using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nhost;

/// <summary>
/// <c>/v1/user/password/reset</c>, <c>/v1/user/email/send-verification-email</c> and <c>/v1/user/email/change</c>:
/// mails with a <c>/v1/verify</c> link, through the core's services. Each answers "OK" whether or not the address
/// has an account (the email change says whether the new address is taken only once its owner opened the link).
/// </summary>
public static class EmailLinkEndpoints
{
    public static void MapNhostEmailLinks(this RouteGroupBuilder v1)
    {
        v1.MapPost("/user/password/reset", SendPasswordReset).RateLimited(RateLimitPolicies.ForgotPassword);
        v1.MapPost("/user/email/send-verification-email", SendVerification).RateLimited(RateLimitPolicies.SendMessage);
        v1.MapPost("/user/email/change", ChangeEmail).RequireAuthorization(LatchkeyAuthentication.SessionRequired).RateLimited(RateLimitPolicies.SendMessage);
    }

    private static async Task<IResult> SendPasswordReset(
        UserPasswordResetRequest body, PasswordResetService resets, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Email)) return errors.ToResult(NhostEndpoints.Missing("email"));
        var result = await resets.RequestAsync(body.Email, body.Options?.RedirectTo, http.NhostContext(), ct);
        return result.IsSuccess ? NhostEndpoints.OkString() : errors.ToResult(result.Error);
    }

    private static async Task<IResult> SendVerification(
        UserEmailSendVerificationEmailRequest body, EmailVerificationService verification, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Email)) return errors.ToResult(NhostEndpoints.Missing("email"));
        var result = await verification.ResendAsync(null, body.Email, body.Options?.RedirectTo, http.NhostContext(), ct);
        return result.IsSuccess ? NhostEndpoints.OkString() : errors.ToResult(result.Error);
    }

    /// <summary>
    /// The spec's elevated bearer: the elevated claim for security-key holders (<see cref="Webauthn.NhostElevation"/>),
    /// and for everyone the core's step-up, a session whose last authentication is recent.
    /// </summary>
    private static async Task<IResult> ChangeEmail(
        UserEmailChangeRequest body, EmailChangeService change, Webauthn.NhostElevation elevation, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.NewEmail)) return errors.ToResult(NhostEndpoints.Missing("newEmail"));
        var caller = http.Caller();
        if (await elevation.RequireAsync(http, caller, ct) is { } notElevated) return errors.ToResult(notElevated);
        var result = await change.RequestWithStepUpAsync(caller.UserId, caller.SessionId, body.NewEmail, body.Options?.RedirectTo, http.NhostContext(), ct);
        return result.IsSuccess ? NhostEndpoints.OkString() : errors.ToResult(result.Error);
    }
}
