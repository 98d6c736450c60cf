using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Sessions;
using Latchkey.Core.Social;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Nhost;

/// <summary>
/// <c>/v1/signin/idtoken</c> and <c>/v1/link/idtoken</c>: the core's ID-token sign-in (signature, issuer,
/// audience, expiry and nonce checked against the provider's keys) in the spec's shapes.
/// </summary>
public static class IdTokenEndpoints
{
    public static void MapNhostIdTokens(this RouteGroupBuilder v1)
    {
        v1.MapPost("/signin/idtoken", SignIn).RateLimited(RateLimitPolicies.Login);
        v1.MapPost("/link/idtoken", Link).RateLimited(RateLimitPolicies.Login).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
    }

    /// <summary>Signs in, or signs up with the options (checked like any Nhost sign-up's; closed sign-up applies in the core).</summary>
    private static async Task<IResult> SignIn(
        SignInIdTokenRequest body, IdTokenSignInService idTokens, RedirectPolicy redirects, IOptions<UserDefaultsOptions> defaults,
        IUserStore users, NhostSessions shapes, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Provider)) return errors.ToResult(NhostEndpoints.Missing("provider"));
        if (string.IsNullOrEmpty(body.IdToken)) return errors.ToResult(NhostEndpoints.Missing("idToken"));
        var profile = body.Options.ToProfile();
        if ((redirects.CheckRedirect(body.Options?.RedirectTo) ?? UserProfile.Validate(profile, defaults.Value)) is { } invalid)
            return errors.ToResult(invalid);

        var result = await idTokens.SignInAsync(body.Provider.Trim().ToLowerInvariant(), body.IdToken, body.Nonce, SessionKinds.Bearer,
            http.RequestContext(), ct, profile);
        return await SignInEndpoints.SessionAnswerAsync(result, users, shapes, errors, ct);
    }

    /// <summary>
    /// The spec marks this BearerAuthElevated: the elevated claim for security-key holders, and for everyone a
    /// recent sign-in (or elevation).
    /// </summary>
    private static async Task<IResult> Link(
        LinkIdTokenRequest body, IdTokenSignInService idTokens, StepUp stepUp, Webauthn.NhostElevation elevation, NhostErrors errors,
        HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Provider)) return errors.ToResult(NhostEndpoints.Missing("provider"));
        if (string.IsNullOrEmpty(body.IdToken)) return errors.ToResult(NhostEndpoints.Missing("idToken"));
        var caller = http.Caller();
        if (await elevation.RequireAsync(http, caller, ct) is { } notElevated) return errors.ToResult(notElevated);
        if (await stepUp.RequireAsync(caller.SessionId, ct) is { } stale) return errors.ToResult(stale);

        var result = await idTokens.ConnectAsync(caller.UserId, body.Provider.Trim().ToLowerInvariant(), body.IdToken, body.Nonce, http.RequestContext(), ct);
        return result.IsSuccess ? NhostEndpoints.OkString() : errors.ToResult(result.Error);
    }
}
