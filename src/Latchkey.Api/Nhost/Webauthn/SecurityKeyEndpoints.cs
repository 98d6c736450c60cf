using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.Passkeys;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nhost.Webauthn;

/// <summary>
/// <c>/v1/user/webauthn/add</c> and <c>/verify</c> (a signed-in user adds a security key: elevated, and the
/// core's step-up), and <c>/v1/elevate/webauthn</c> and <c>/verify</c> (a security key renews the session's
/// authentication and yields a token with <c>x-hasura-auth-elevated</c>).
/// </summary>
public static class SecurityKeyEndpoints
{
    public static void MapNhostSecurityKeys(this RouteGroupBuilder v1)
    {
        v1.MapPost("/user/webauthn/add", AddBegin).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        v1.MapPost("/user/webauthn/verify", AddVerify).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        v1.MapPost("/elevate/webauthn", ElevateBegin).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        v1.MapPost("/elevate/webauthn/verify", ElevateVerify).RequireAuthorization(LatchkeyAuthentication.SessionRequired)
            .RateLimited(RateLimitPolicies.Login);
    }

    private static async Task<IResult> AddBegin(PasskeyService passkeys, NhostElevation elevation, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        if (await elevation.RequireAsync(http, caller, ct) is { } notElevated) return errors.ToResult(notElevated);
        var result = await passkeys.RegisterOptionsAsync(caller.UserId, caller.SessionId, http, ct);
        return result.IsSuccess ? NhostEndpoints.Ok(WebauthnShapes.CreationOptions(result.Value)) : errors.ToResult(result.Error);
    }

    private static async Task<IResult> AddVerify(
        VerifyAddSecurityKeyRequest body, PasskeyService passkeys, NhostElevation elevation, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (body.Credential is not { } credential) return errors.ToResult(NhostEndpoints.Missing("credential"));
        var caller = http.Caller();
        if (await elevation.RequireAsync(http, caller, ct) is { } notElevated) return errors.ToResult(notElevated);
        var result = await passkeys.RegisterVerifyAsync(caller.UserId, caller.SessionId, WebauthnShapes.Response(credential), body.Nickname,
            signOutOthers: false, http.RequestContext(), http, ct);
        if (!result.IsSuccess) return errors.ToResult(result.Error);
        var nickname = string.IsNullOrWhiteSpace(body.Nickname) ? null : result.Value.Passkey.Name;
        return NhostEndpoints.Ok(new VerifyAddSecurityKeyResponse(result.Value.Passkey.Id.ToString(), nickname));
    }

    /// <summary>Request options, for a user who has a security key to prove (nobody else can elevate).</summary>
    private static async Task<IResult> ElevateBegin(PasskeyService passkeys, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (await passkeys.CountAsync(http.Caller().UserId, ct) == 0)
            return errors.ToResult(AuthError.Validation("This account has no security key to elevate with"));
        return NhostEndpoints.Ok(WebauthnShapes.RequestOptions(await passkeys.AuthenticateOptionsAsync(http, ct)));
    }

    /// <summary>
    /// The core checks the assertion (the caller's own key) and renews the caller's session; as Nhost does,
    /// the answer is a new session whose token carries the elevated claim (the SDK does not store it by
    /// itself: the app uses or stores it). Both sessions are elevated for <c>Latchkey:StepUp:MaxAge</c>.
    /// </summary>
    private static async Task<IResult> ElevateVerify(
        SignInWebauthnVerifyRequest body, ElevationService elevation, IUserStore users, SessionStarter sessions, NhostSessions shapes,
        NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (body.Credential is not { } credential) return errors.ToResult(NhostEndpoints.Missing("credential"));
        var caller = http.Caller();
        var context = http.RequestContext();
        var proof = new ElevationProof(null, null, null, WebauthnShapes.Response(credential));
        var elevated = await elevation.ElevateAsync(caller.UserId, caller.SessionId!.Value, proof, context, http, ct);
        if (!elevated.IsSuccess) return errors.ToResult(elevated.Error);
        if (await users.FindByIdAsync(caller.UserId, ct) is not { } user)
            return errors.ToResult(new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required"));

        var started = await sessions.StartAsync(user, SessionKinds.Bearer, AuthMethods.Passkey, context, ct);
        return NhostEndpoints.Ok(new SessionPayload(shapes.FromIssued(started.Session, started.User, elevated: true)));
    }
}
