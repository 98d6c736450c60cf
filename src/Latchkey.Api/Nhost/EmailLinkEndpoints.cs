using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nhost;

/// <summary>
/// <c>/v1/user/password/reset</c> and <c>/v1/user/email/send-verification-email</c>: mails with a link, through
/// the core's services. Both answer "OK" whether or not the address has an account.
/// </summary>
public static class EmailLinkEndpoints
{
    /// <summary>The spec's ticket for a password reset: this prefix and the token of the emailed link.</summary>
    public const string PasswordResetTicketPrefix = "passwordReset:";

    public static void MapNhostEmailLinks(this RouteGroupBuilder v1)
    {
        v1.MapPost("/user/password/reset", SendPasswordReset).RateLimited(RateLimitPolicies.ForgotPassword);
        v1.MapPost("/user/email/send-verification-email", SendVerification).RateLimited(RateLimitPolicies.SendMessage);
    }

    private static async Task<IResult> SendPasswordReset(
        UserPasswordResetRequest body, PasswordResetService resets, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Email)) return errors.ToResult(NhostEndpoints.Missing("email"));
        var result = await resets.RequestAsync(body.Email, body.Options?.RedirectTo, http.RequestContext(), ct);
        return result.IsSuccess ? NhostEndpoints.OkString() : errors.ToResult(result.Error);
    }

    private static async Task<IResult> SendVerification(
        UserEmailSendVerificationEmailRequest body, EmailVerificationService verification, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Email)) return errors.ToResult(NhostEndpoints.Missing("email"));
        var result = await verification.ResendAsync(null, body.Email, body.Options?.RedirectTo, http.RequestContext(), ct);
        return result.IsSuccess ? NhostEndpoints.OkString() : errors.ToResult(result.Error);
    }
}
