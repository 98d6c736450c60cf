using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

/// <summary>
/// Latchkey additions under <c>/api/auth</c> (not in the seed): magic link, email code and SMS code sign-in.
/// Requests answer the same whatever the address; a successful check signs in like <c>/api/auth/login</c>.
/// </summary>
public static class PasswordlessEndpoints
{
    private const string SameAnswer = "If the address can sign in, we have sent it a message";

    public static void MapPlatformPasswordless(this RouteGroupBuilder auth)
    {
        auth.MapPost("/magic-link", SendMagicLink).RateLimited(RateLimitPolicies.SendMessage);
        auth.MapPost("/magic-link/verify", VerifyMagicLink).RateLimited(RateLimitPolicies.VerifyCode);
        auth.MapPost("/email-otp", SendEmailCode).RateLimited(RateLimitPolicies.SendMessage);
        auth.MapPost("/email-otp/verify", VerifyEmailCode).RateLimited(RateLimitPolicies.VerifyCode);
        auth.MapPost("/sms-otp", SendSmsCode).RateLimited(RateLimitPolicies.SendMessage);
        auth.MapPost("/sms-otp/verify", VerifySmsCode).RateLimited(RateLimitPolicies.VerifyCode);
    }

    private static async Task<IResult> SendMagicLink(MagicLinkRequest body, PasswordlessRequestService send, HttpContext http, CancellationToken ct) =>
        Sent(await send.SendMagicLinkAsync(body.Email, body.RedirectTo, http.RequestContext(), ct));

    private static async Task<IResult> SendEmailCode(EmailCodeRequest body, PasswordlessRequestService send, HttpContext http, CancellationToken ct) =>
        Sent(await send.SendEmailCodeAsync(body.Email, http.RequestContext(), ct));

    private static async Task<IResult> SendSmsCode(PhoneCodeRequest body, PasswordlessRequestService send, HttpContext http, CancellationToken ct) =>
        Sent(await send.SendSmsCodeAsync(body.PhoneNumber, http.RequestContext(), ct));

    private static async Task<IResult> VerifyMagicLink(TokenRequest body, PasswordlessSignInService signIn, PlatformSignIn respond, HttpContext http, CancellationToken ct) =>
        await respond.RespondAsync(await signIn.MagicLinkAsync(body.Token, SessionKinds.Cookie, http.RequestContext(), ct), http, ct);

    private static async Task<IResult> VerifyEmailCode(EmailCodeRequest body, PasswordlessSignInService signIn, PlatformSignIn respond, HttpContext http, CancellationToken ct) =>
        await respond.RespondAsync(await signIn.EmailCodeAsync(body.Email, body.Code, SessionKinds.Cookie, http.RequestContext(), ct), http, ct);

    private static async Task<IResult> VerifySmsCode(PhoneCodeRequest body, PasswordlessSignInService signIn, PlatformSignIn respond, HttpContext http, CancellationToken ct) =>
        await respond.RespondAsync(await signIn.SmsCodeAsync(body.PhoneNumber, body.Code, SessionKinds.Cookie, http.RequestContext(), ct), http, ct);

    private static IResult Sent(Result<Unit> result) =>
        result.IsSuccess ? Results.Ok(new MessageResponse(true, SameAnswer)) : PlatformErrors.Instance.ToResult(result.Error);
}
