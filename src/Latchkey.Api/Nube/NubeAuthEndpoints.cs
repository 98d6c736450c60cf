using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Nube.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Social;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Latchkey.Api.Nube;

/// <summary>
/// <c>/v1/auth/*</c>: bearer sessions for the application's own clients. Social sign-in is the core's redirect
/// flow (PKCE and a single-use state), with the browser binding handed to the client as <c>codeVerifier</c>
/// instead of a cookie; magic links, refresh (rotation with reuse detection) and logout are the core's too.
/// </summary>
public static class NubeAuthEndpoints
{
    private const string SameAnswer = "If the address can sign in, we have sent it a link";

    public static void MapNubeAuth(this RouteGroupBuilder v1)
    {
        var auth = v1.MapGroup("/auth").WithTags("Nube: auth");
        auth.MapPost("/login", Login).RateLimited(RateLimitPolicies.Login);
        auth.MapPost("/callback", Callback).RateLimited(RateLimitPolicies.Login);
        auth.MapPost("/magic-link", MagicLink).RateLimited(RateLimitPolicies.SendMessage);
        auth.MapPost("/verify", Verify).RateLimited(RateLimitPolicies.VerifyCode);
        auth.MapPost("/refresh", Refresh).RateLimited(RateLimitPolicies.Login);
        auth.MapPost("/logout", Logout).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
    }

    /// <summary>
    /// The provider sends the browser back to <c>redirectUri</c> (an allowed URL: the app's own page), which
    /// posts the code and state to <c>/auth/callback</c> with the verifier; the PKCE verifier itself never leaves the server.
    /// </summary>
    private static async Task<IResult> Login(LoginRequest? body, SocialFlowService flow, RedirectAllowList redirects, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body?.Provider)) return NubeResults.Error(http, NubeResults.Missing("provider"));
        if (redirects.Resolve(body.RedirectUri) is not { } redirectUri)
            return NubeResults.Error(http, new AuthError(AuthErrorCodes.RedirectNotAllowed, "redirectUri is not an allowed redirect URL",
                new Dictionary<string, string> { ["redirectUri"] = "not allowed" }));
        var provider = body.Provider.Trim().ToLowerInvariant();
        var started = await flow.BeginAsync(provider, redirectUri, redirectUri, null, ct);
        if (!started.IsSuccess) return NubeResults.Error(http, started.Error);
        var url = started.Value.AuthorizationUrl;
        var state = QueryHelpers.ParseQuery(new Uri(url).Query)["state"].ToString();
        return NubeResults.Ok(http, new LoginStarted(provider, url, state, started.Value.BrowserSecret, started.Value.ExpiresAt));
    }

    private static async Task<IResult> Callback(CallbackRequest? body, SocialFlowService flow, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body?.State)) return NubeResults.Error(http, NubeResults.Missing("state"));
        if (string.IsNullOrEmpty(body.CodeVerifier)) return NubeResults.Error(http, NubeResults.Missing("codeVerifier"));
        if (body.Error is null && string.IsNullOrEmpty(body.Code)) return NubeResults.Error(http, NubeResults.Missing("code"));
        var finished = await flow.CompleteAsync(new CallbackParameters(body.State, body.Code, body.Error, body.ErrorDescription, body.CodeVerifier, null),
            SessionKinds.Bearer, http.RequestContext(), ct);
        return finished.Result.IsSuccess && finished.Result.Value is { } outcome
            ? SignedIn(http, outcome)
            : NubeResults.Error(http, finished.Result.Error ?? new AuthError(AuthErrorCodes.InvalidState, "This flow did not sign anyone in"));
    }

    private static async Task<IResult> MagicLink(MagicLinkRequest? body, PasswordlessRequestService send, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body?.Email)) return NubeResults.Error(http, NubeResults.Missing("email"));
        var sent = await send.SendMagicLinkAsync(body.Email, body.RedirectTo, http.RequestContext(), ct);
        return sent.IsSuccess ? NubeResults.Ok(http, new SentMessage(true, SameAnswer)) : NubeResults.Error(http, sent.Error);
    }

    private static async Task<IResult> Verify(VerifyRequest? body, PasswordlessSignInService signIn, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body?.Token)) return NubeResults.Error(http, NubeResults.Missing("token"));
        var result = await signIn.MagicLinkAsync(body.Token, SessionKinds.Bearer, http.RequestContext(), ct);
        return result.IsSuccess ? SignedIn(http, result.Value) : NubeResults.Error(http, result.Error);
    }

    private static async Task<IResult> Refresh(RefreshRequest? body, RefreshTokenService refresh, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body?.RefreshToken)) return NubeResults.Error(http, NubeResults.Missing("refreshToken"));
        var result = await refresh.RefreshAsync(body.RefreshToken, http.RequestContext(), ct);
        return NubeResults.From(http, result, r =>
            new NubeTokens(r.AccessToken.Value, r.RefreshToken, "Bearer", r.AccessToken.ExpiresInSeconds, r.SessionId));
    }

    private static async Task<IResult> Logout(SessionService sessions, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        await sessions.LogoutAsync(caller.UserId, caller.SessionId!.Value, http.RequestContext(), ct);
        return NubeResults.Ok(http, new LoggedOut(caller.SessionId.Value));
    }

    /// <summary>
    /// A finished sign-in. An account with a second factor is not signed in here: the Nube seed has no
    /// second-factor step, so the client is told to use a surface that has one (as the Simple API does).
    /// </summary>
    private static IResult SignedIn(HttpContext http, SignInOutcome outcome)
    {
        if (outcome.Session is not { AccessToken: { } access, RefreshToken: { } refresh } session)
            return NubeResults.Error(http, new AuthError(AuthErrorCodes.Forbidden,
                "This account uses two-factor authentication; sign in through the Platform API or the hosted pages"));
        return NubeResults.Ok(http, new NubeSignedIn(access.Value, refresh, "Bearer", access.ExpiresInSeconds, session.SessionId, NubeSubject.From(session.Subject)));
    }
}
