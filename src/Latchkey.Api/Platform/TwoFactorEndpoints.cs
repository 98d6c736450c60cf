using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.Mfa;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

/// <summary><c>/api/auth/2fa/*</c> (10 requests per 15 minutes per IP), plus the recovery-code addition.</summary>
public static class TwoFactorEndpoints
{
    public static void MapPlatformTwoFactor(this RouteGroupBuilder auth)
    {
        var twoFactor = auth.MapGroup("/2fa").WithTags("Platform: two-factor").RateLimited(RateLimitPolicies.TwoFactor);
        twoFactor.MapPost("/setup", Setup).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        // "Partial": a login challenge is anonymous (the challenge token is the credential), a setup confirmation is signed in.
        twoFactor.MapPost("/verify", Verify);
        twoFactor.MapPost("/disable", Disable).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        // "Partial" too: with the login's challenge token, or signed in (setup confirmation, step-up).
        twoFactor.MapPost("/send-code", SendCode);
        twoFactor.MapPost("/set-default", SetDefault).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        twoFactor.MapPost("/recovery-codes", RegenerateRecoveryCodes).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
    }

    private static async Task<IResult> Setup(TwoFactorSetupRequest? body, TwoFactorSetupService setup, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var result = await setup.BeginAsync(caller.UserId, caller.SessionId, body?.Method, http.RequestContext(), ct);
        if (!result.IsSuccess) return PlatformErrors.Instance.ToResult(result.Error);
        return result.Value is { } totp
            ? Results.Ok(TotpSetupResponse.From(totp))
            : Results.Ok(new CodeSentResponse(true, body!.Method!, "A code was sent; confirm it at /api/auth/2fa/verify"));
    }

    private static async Task<IResult> SendCode(SendCodeRequest body, TwoFactorLoginService login, TwoFactorManagementService manage, HttpContext http, CancellationToken ct)
    {
        Core.Common.Result<string> sent;
        var caller = string.IsNullOrEmpty(body.ChallengeToken) ? await http.OptionalCallerAsync() : null;
        // Like verify: a browser that is not signed in asks for the code of the challenge it holds from its password
        // step, whether it names the token or only carries the challenge cookie (the seed's body has no token).
        var challengeToken = !string.IsNullOrEmpty(body.ChallengeToken) ? body.ChallengeToken
            : caller is not { HasSession: true } ? TwoFactorChallengeCookie.Read(http) : null;
        if (challengeToken is not null)
        {
            sent = await login.SendCodeAsync(challengeToken, body.Method, http.RequestContext(), ct);
        }
        else if (caller is { HasSession: true })
        {
            sent = await manage.SendCodeAsync(caller.UserId, body.Method, http.RequestContext(), ct);
        }
        else
        {
            return PlatformErrors.Instance.ToResult(new AuthError(AuthErrorCodes.Unauthenticated,
                "Sign in, or ask from the browser that signed in at /api/auth/login (or pass its challengeToken)"));
        }
        return sent.IsSuccess
            ? Results.Ok(new CodeSentResponse(true, sent.Value, "If the address can receive it, a code is on its way"))
            : PlatformErrors.Instance.ToResult(sent.Error);
    }

    private static async Task<IResult> Verify(TwoFactorVerifyRequest body, TwoFactorLoginService login, TwoFactorSetupService setup,
        PlatformSignIn respond, HttpContext http, CancellationToken ct)
    {
        // The seed's body {userId, code, method} from a browser that is not signed in: the challenge is the one
        // it holds from its password step. Signed in, the same body confirms a setup.
        var caller = await http.OptionalCallerAsync();
        var challengeToken = !string.IsNullOrEmpty(body.ChallengeToken) ? body.ChallengeToken
            : body.UserId is not null && caller is not { HasSession: true } ? TwoFactorChallengeCookie.Read(http) : null;
        if (challengeToken is not null)
        {
            var signedIn = await login.CompleteAsync(challengeToken, body.UserId, body.Method, body.Code, http.RequestContext(), ct);
            return signedIn.IsSuccess
                ? await respond.SessionStartedAsync(signedIn.Value, http, ct)
                : PlatformErrors.Instance.ToResult(signedIn.Error);
        }

        if (caller is not { HasSession: true })
            return PlatformErrors.Instance.ToResult(new AuthError(AuthErrorCodes.Unauthenticated,
                "Sign in to confirm a setup, or verify from the browser that signed in at /api/auth/login (or pass its challengeToken)"));
        var confirmed = await setup.ConfirmAsync(caller.UserId, caller.SessionId, body.Method, body.Code, body.SignOutOtherSessions, http.RequestContext(), ct);
        return confirmed.IsSuccess
            ? Results.Ok(new TwoFactorChangedResponse(true, "Two-factor authentication enabled; store the recovery codes now, they are shown once",
                confirmed.Value.RecoveryCodes, confirmed.Value.OtherSessionsRevoked))
            : PlatformErrors.Instance.ToResult(confirmed.Error);
    }

    private static async Task<IResult> Disable(TwoFactorDisableRequest body, TwoFactorManagementService manage, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var result = await manage.DisableAsync(caller.UserId, caller.SessionId, body.Method, body.Password ?? body.CurrentPassword,
            body.SignOutOtherSessions, http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Ok(new TwoFactorChangedResponse(true, $"The {body.Method} method is disabled", null, result.Value.OtherSessionsRevoked))
            : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> SetDefault(TwoFactorDefaultRequest body, TwoFactorManagementService manage, HttpContext http, CancellationToken ct)
    {
        var result = await manage.SetDefaultAsync(http.Caller().UserId, body.Method, http.RequestContext(), ct);
        return result.IsSuccess ? Results.Ok(new DefaultMethodResponse(true, result.Value)) : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> RegenerateRecoveryCodes(RecoveryCodeService codes, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var result = await codes.RegenerateAsync(caller.UserId, caller.SessionId, http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Ok(new RecoveryCodesResponse(true, result.Value, "New recovery codes; the previous ones no longer work"))
            : PlatformErrors.Instance.ToResult(result.Error);
    }
}
