using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

/// <summary>The seed's email flows under <c>/api/auth</c>: verify-email, resend-verification, forgot/validate/reset password.</summary>
public static class VerificationEndpoints
{
    private const string SameAnswer = "If an account with that email exists, we have sent it a message";

    public static void MapPlatformVerification(this RouteGroupBuilder auth)
    {
        auth.MapPost("/verify-email", VerifyEmail);
        auth.MapPost("/resend-verification", ResendVerification).RateLimited(RateLimitPolicies.SendMessage);
        auth.MapPost("/forgot-password", ForgotPassword).RateLimited(RateLimitPolicies.ForgotPassword);
        auth.MapPost("/validate-reset-token", ValidateResetToken);
        auth.MapPost("/reset-password", ResetPassword);
    }

    private static async Task<IResult> VerifyEmail(TokenRequest body, EmailVerificationService verification, HttpContext http, CancellationToken ct)
    {
        var result = await verification.VerifyAsync(body.Token, http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Ok(new UserResponse(true, PlatformUser.From(result.Value), "Email address verified"))
            : PlatformErrors.Instance.ToResult(result.Error);
    }

    /// <summary>
    /// For the signed-in user; without a session (someone who cannot sign in before verifying) the body's
    /// <c>email</c> is used and the answer is the same whatever the address.
    /// </summary>
    private static async Task<IResult> ResendVerification(ResendVerificationRequest? body, EmailVerificationService verification, HttpContext http, CancellationToken ct)
    {
        await http.AuthenticateAsync(LatchkeyAuthentication.Scheme);
        var userId = http.Features.Get<CallerFeature>()?.Caller.UserId;
        var result = await verification.ResendAsync(userId, body?.Email, body?.RedirectTo, http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Ok(new MessageResponse(true, userId is null ? SameAnswer : "Verification email sent"))
            : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> ForgotPassword(ForgotPasswordRequest body, PasswordResetService reset, HttpContext http, CancellationToken ct)
    {
        var result = await reset.RequestAsync(body.Email, body.RedirectTo, http.RequestContext(), ct);
        return result.IsSuccess ? Results.Ok(new MessageResponse(true, SameAnswer)) : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> ValidateResetToken(TokenRequest body, PasswordResetService reset, CancellationToken ct)
    {
        var result = await reset.ValidateAsync(body.Token, ct);
        return result.IsSuccess ? Results.Ok(new ResetTokenValidResponse(true, true, result.Value)) : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> ResetPassword(ResetPasswordRequest body, PasswordResetService reset, HttpContext http, CancellationToken ct)
    {
        var result = await reset.ResetAsync(body.Token, body.Password ?? body.NewPassword, http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Ok(new PasswordResetResponse(true, "Password reset; every session was signed out", result.Value))
            : PlatformErrors.Instance.ToResult(result.Error);
    }
}
