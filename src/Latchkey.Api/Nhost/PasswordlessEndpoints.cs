using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Nhost;

/// <summary>
/// <c>/v1/signin/otp/email</c> (+<c>/verify</c>) and <c>/v1/signin/passwordless/sms</c> (+<c>/otp</c>): one-time
/// codes through the core's passwordless services. Sending answers "OK" whatever the address, so it tells
/// nobody who has an account.
/// </summary>
public static class PasswordlessEndpoints
{
    public static void MapNhostPasswordless(this RouteGroupBuilder v1)
    {
        v1.MapPost("/signin/passwordless/email", SendMagicLink).RateLimited(RateLimitPolicies.SendMessage);
        v1.MapPost("/signin/otp/email", SendEmailCode).RateLimited(RateLimitPolicies.SendMessage);
        v1.MapPost("/signin/otp/email/verify", VerifyEmailCode).RateLimited(RateLimitPolicies.VerifyCode);
        v1.MapPost("/signin/passwordless/sms", SendSmsCode).RateLimited(RateLimitPolicies.SendMessage);
        v1.MapPost("/signin/passwordless/sms/otp", VerifySmsCode).RateLimited(RateLimitPolicies.VerifyCode);
    }

    /// <summary>The mailed link opens <c>/v1/verify</c> with a <c>passwordlessEmail:</c> ticket, which signs in and redirects to <c>redirectTo</c>.</summary>
    private static async Task<IResult> SendMagicLink(
        SignInPasswordlessEmailRequest body, PasswordlessRequestService passwordless, NhostErrors errors, RedirectPolicy redirects,
        IOptions<UserDefaultsOptions> defaults, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Email)) return errors.ToResult(NhostEndpoints.Missing("email"));
        if (CheckOptions(body.Options, redirects, defaults.Value) is { } invalid) return errors.ToResult(invalid);
        var result = await passwordless.SendMagicLinkAsync(body.Email, body.Options?.RedirectTo, http.NhostContext(), ct);
        return result.IsSuccess ? NhostEndpoints.OkString() : errors.ToResult(result.Error);
    }

    private static async Task<IResult> SendEmailCode(
        SignInOtpEmailRequest body, PasswordlessRequestService passwordless, NhostErrors errors, RedirectPolicy redirects,
        IOptions<UserDefaultsOptions> defaults, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Email)) return errors.ToResult(NhostEndpoints.Missing("email"));
        if (CheckOptions(body.Options, redirects, defaults.Value) is { } invalid) return errors.ToResult(invalid);
        var result = await passwordless.SendEmailCodeAsync(body.Email, http.RequestContext(), ct);
        return result.IsSuccess ? NhostEndpoints.OkString() : errors.ToResult(result.Error);
    }

    private static async Task<IResult> VerifyEmailCode(
        SignInOtpEmailVerifyRequest body, PasswordlessSignInService signIn, IUserStore users, NhostSessions shapes,
        NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Email)) return errors.ToResult(NhostEndpoints.Missing("email"));
        if (string.IsNullOrEmpty(body.Otp)) return errors.ToResult(NhostEndpoints.Missing("otp"));
        var result = await signIn.EmailCodeAsync(body.Email, body.Otp, SessionKinds.Bearer, http.RequestContext(), ct);
        return await SignInEndpoints.SessionAnswerAsync(result, users, shapes, errors, ct);
    }

    private static async Task<IResult> SendSmsCode(
        SignInPasswordlessSmsRequest body, PasswordlessRequestService passwordless, NhostErrors errors, RedirectPolicy redirects,
        IOptions<UserDefaultsOptions> defaults, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.PhoneNumber)) return errors.ToResult(NhostEndpoints.Missing("phoneNumber"));
        if (CheckOptions(body.Options, redirects, defaults.Value) is { } invalid) return errors.ToResult(invalid);
        var result = await passwordless.SendSmsCodeAsync(body.PhoneNumber, http.RequestContext(), ct);
        return result.IsSuccess ? NhostEndpoints.OkString() : errors.ToResult(result.Error);
    }

    private static async Task<IResult> VerifySmsCode(
        SignInPasswordlessSmsOtpRequest body, PasswordlessSignInService signIn, IUserStore users, NhostSessions shapes,
        NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.PhoneNumber)) return errors.ToResult(NhostEndpoints.Missing("phoneNumber"));
        if (string.IsNullOrEmpty(body.Otp)) return errors.ToResult(NhostEndpoints.Missing("otp"));
        var result = await signIn.SmsCodeAsync(body.PhoneNumber, body.Otp, SessionKinds.Bearer, http.RequestContext(), ct);
        return await SignInEndpoints.SessionAnswerAsync(result, users, shapes, errors, ct);
    }

    /// <summary>
    /// The spec's sign-up options, checked like a sign-up's. An account these codes create gets the configured
    /// defaults: the core's passwordless sign-up does not take a profile yet (docs/nhost.md).
    /// </summary>
    private static AuthError? CheckOptions(Contracts.SignUpOptions? options, RedirectPolicy redirects, UserDefaultsOptions defaults) =>
        redirects.CheckRedirect(options?.RedirectTo) ?? UserProfile.Validate(options.ToProfile(), defaults);
}
