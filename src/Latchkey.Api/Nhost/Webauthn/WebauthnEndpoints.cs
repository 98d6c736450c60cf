using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.Passkeys;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nhost.Webauthn;

/// <summary><c>/v1/signup/webauthn</c> and <c>/v1/signin/webauthn</c> (each with <c>/verify</c>): passkeys through the core's ceremonies.</summary>
public static class WebauthnEndpoints
{
    public static void MapNhostWebauthn(this RouteGroupBuilder v1)
    {
        // Each verify needs a ticket from its options call, so sign-up is budgeted where it can reveal a taken
        // address (the options) and sign-in where a credential is tried (the verify); the other halves get the default.
        v1.MapPost("/signup/webauthn", SignUpBegin).RateLimited(RateLimitPolicies.Register);
        v1.MapPost("/signup/webauthn/verify", SignUpVerify);
        v1.MapPost("/signin/webauthn", SignInBegin);
        v1.MapPost("/signin/webauthn/verify", SignInVerify).RateLimited(RateLimitPolicies.Login);
    }

    private static async Task<IResult> SignUpBegin(
        SignUpWebauthnRequest body, PasskeySignUpService signUp, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Email)) return errors.ToResult(NhostEndpoints.Missing("email"));
        var result = await signUp.BeginAsync(body.Email, body.Options?.ToProfile(), body.Options?.RedirectTo, http, ct);
        return result.IsSuccess ? NhostEndpoints.Ok(WebauthnShapes.CreationOptions(result.Value)) : errors.ToResult(result.Error);
    }

    /// <summary>
    /// Creates the account the options were made for. As Nhost does, the session is null while the
    /// server requires verified addresses: the verification email is on its way.
    /// </summary>
    private static async Task<IResult> SignUpVerify(
        SignUpWebauthnVerifyRequest body, PasskeySignUpService signUp, SignUpPolicy policy, SessionStarter sessions,
        NhostSessions shapes, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (body.Credential is not { } credential) return errors.ToResult(NhostEndpoints.Missing("credential"));
        var context = http.RequestContext();
        var created = await signUp.FinishAsync(WebauthnShapes.Response(credential), body.Nickname, body.Options?.ToProfile(),
            body.Options?.RedirectTo, context, http, ct);
        if (!created.IsSuccess) return errors.ToResult(created.Error);
        if (policy.RequireEmailVerification) return NhostEndpoints.Ok(new SessionPayload(null));

        var started = await sessions.StartAsync(created.Value, SessionKinds.Bearer, AuthMethods.Passkey, context, ct);
        return NhostEndpoints.Ok(new SessionPayload(shapes.FromIssued(started.Session, started.User)));
    }

    /// <summary>
    /// Options for a discoverable passkey. The email is only a hint in the spec; it is checked for form but
    /// not looked up, so the answer is the same for every address and tells nobody who has an account.
    /// </summary>
    private static async Task<IResult> SignInBegin(SignInWebauthnRequest? body, PasskeyService passkeys, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (body?.Email is { } email && !UserNormalizer.IsValidEmail(email))
            return errors.ToResult(AuthError.Field("email", "Email address is not valid"));
        return NhostEndpoints.Ok(WebauthnShapes.RequestOptions(await passkeys.AuthenticateOptionsAsync(http, ct)));
    }

    private static async Task<IResult> SignInVerify(
        SignInWebauthnVerifyRequest body, PasskeyService passkeys, NhostSessions shapes, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (body.Credential is not { } credential) return errors.ToResult(NhostEndpoints.Missing("credential"));
        var result = await passkeys.SignInAsync(WebauthnShapes.Response(credential), SessionKinds.Bearer, http.RequestContext(), http, ct);
        return result.IsSuccess
            ? NhostEndpoints.Ok(new SessionPayload(shapes.FromIssued(result.Value.Session, result.Value.User)))
            : errors.ToResult(result.Error);
    }
}
