using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Social;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Platform;

/// <summary>
/// <c>/api/auth/oauth/*</c>: social sign-in. <c>initiate</c> and <c>callback</c> are the seed's; the
/// callback also accepts POST (Apple's form_post) and <c>idtoken</c> is a Latchkey addition for native SDKs.
/// </summary>
public static class OAuthEndpoints
{
    public const string CallbackPath = PlatformCallback.Path;

    public static void MapPlatformOAuth(this RouteGroupBuilder auth)
    {
        var oauth = auth.MapGroup("/oauth");
        oauth.MapPost("/initiate", Initiate);
        oauth.MapGet("/callback", Callback);
        oauth.MapPost("/callback", Callback);
        oauth.MapPost("/idtoken", IdToken).RateLimited(RateLimitPolicies.Login);
    }

    public static string CallbackUrl(IOptions<LatchkeyOptions> latchkey) => PlatformCallback.Url(latchkey.Value);

    private static async Task<IResult> Initiate(OAuthInitiateRequest body, SocialFlowService flow, OAuthStateCookie stateCookie,
        IOptions<LatchkeyOptions> latchkey, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Provider)) return PlatformErrors.Instance.ToResult(AuthError.Field("provider", "provider is required"));
        var started = await flow.BeginAsync(body.Provider.Trim().ToLowerInvariant(), body.RedirectTo, CallbackUrl(latchkey), null, ct);
        if (!started.IsSuccess) return PlatformErrors.Instance.ToResult(started.Error);
        stateCookie.Set(http, started.Value.BrowserSecret);
        return Results.Ok(new OAuthInitiateResponse(true, body.Provider.Trim().ToLowerInvariant(), started.Value.AuthorizationUrl, started.Value.ExpiresAt));
    }

    private static async Task<IResult> Callback(SocialFlowService flow, OAuthStateCookie stateCookie, SessionCookie sessionCookie, HttpContext http, CancellationToken ct)
    {
        var parameters = await SocialCallback.ReadAsync(http, stateCookie.Read(http), ct);
        var finished = await flow.CompleteAsync(parameters, SessionKinds.Cookie, http.RequestContext(), ct);
        var result = finished.Result;
        // A callback with someone else's (or no) state must not end this browser's own flow in progress.
        if (result.IsSuccess || result.Error.Code != AuthErrorCodes.InvalidState) stateCookie.Clear(http);
        string target;
        if (!result.IsSuccess)
            target = QueryHelpers.AddQueryString(finished.RedirectUrl, new Dictionary<string, string?> { ["error"] = result.Error.Code, ["error_description"] = result.Error.Message });
        else if (result.Value?.Challenge is { } challenge)
            // The challenge token goes in the fragment: the app's front end reads it and calls /api/auth/2fa/verify,
            // while servers, logs and Referer headers never see it. No session is started before the second factor.
            target = QueryHelpers.AddQueryString(finished.RedirectUrl, new Dictionary<string, string?> { ["twoFactorRequired"] = "true", ["userId"] = challenge.UserId.ToString() })
                + "#challengeToken=" + Uri.EscapeDataString(challenge.Token);
        else
        {
            if (result.Value?.Session is { } session) sessionCookie.Set(http, session.CookieSecret!, session.ExpiresAt);
            target = finished.RedirectUrl;
        }
        // 303 after Apple's POST so the browser follows with a GET.
        return SocialCallback.Redirect(http, target, seeOtherAfterPost: true);
    }

    private static async Task<IResult> IdToken(IdTokenSignInRequest body, IdTokenSignInService idTokens, PlatformSignIn respond, HttpContext http, CancellationToken ct) =>
        await respond.RespondAsync(
            await idTokens.SignInAsync(body.Provider?.Trim().ToLowerInvariant(), body.IdToken, body.Nonce, SessionKinds.Cookie, http.RequestContext(), ct), http, ct);
}
