using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

/// <summary>
/// <c>/api/user/email/*</c> (the seed's email change) and <c>/api/user/phone/*</c> (a Latchkey addition:
/// phone number verification by SMS code). All need a signed-in session; API keys cannot change contact details.
/// </summary>
public static class AccountContactEndpoints
{
    public static void MapPlatformEmailChange(this RouteGroupBuilder user)
    {
        user.MapPost("/email/request-change", RequestChange).RequireAuthorization(LatchkeyAuthentication.SessionRequired)
            .RateLimited(RateLimitPolicies.SendMessage);
        user.MapPost("/email/verify-change", VerifyChange).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
    }

    public static void MapPlatformPhone(this RouteGroupBuilder user)
    {
        user.MapPost("/phone/send-code", SendPhoneCode).RequireAuthorization(LatchkeyAuthentication.SessionRequired)
            .RateLimited(RateLimitPolicies.SendMessage);
        user.MapPost("/phone/verify", VerifyPhone).RequireAuthorization(LatchkeyAuthentication.SessionRequired)
            .RateLimited(RateLimitPolicies.VerifyCode);
    }

    private static async Task<IResult> RequestChange(RequestEmailChangeRequest body, EmailChangeService change, HttpContext http, CancellationToken ct)
    {
        var result = await change.RequestAsync(http.Caller().UserId, body.NewEmail, body.Password, body.RedirectTo, http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Ok(new MessageResponse(true, "We have sent a confirmation link to the new address"))
            : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> VerifyChange(TokenRequest body, EmailChangeService change, HttpContext http, CancellationToken ct)
    {
        var result = await change.VerifyAsync(http.Caller().UserId, body.Token, http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Ok(new UserResponse(true, PlatformUser.From(result.Value), "Email address changed"))
            : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> SendPhoneCode(PhoneCodeRequest body, PhoneVerificationService phones, HttpContext http, CancellationToken ct)
    {
        var result = await phones.SendCodeAsync(http.Caller().UserId, body.PhoneNumber, http.RequestContext(), ct);
        return result.IsSuccess ? Results.Ok(new MessageResponse(true, "We have sent a code to the phone number")) : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> VerifyPhone(PhoneCodeRequest body, PhoneVerificationService phones, HttpContext http, CancellationToken ct)
    {
        var result = await phones.VerifyAsync(http.Caller().UserId, body.PhoneNumber, body.Code, http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Ok(new UserResponse(true, PlatformUser.From(result.Value), "Phone number verified"))
            : PlatformErrors.Instance.ToResult(result.Error);
    }
}
