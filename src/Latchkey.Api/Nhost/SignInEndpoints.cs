using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.ApiKeys;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nhost;

/// <summary><c>/v1/signin/email-password</c>, <c>/v1/signin/anonymous</c> and <c>/v1/signin/pat</c>.</summary>
public static class SignInEndpoints
{
    public static void MapNhostSignIn(this RouteGroupBuilder v1)
    {
        v1.MapPost("/signin/email-password", SignInEmailPassword).RateLimited(RateLimitPolicies.Login);
        v1.MapPost("/signin/anonymous", SignInAnonymous).RateLimited(RateLimitPolicies.Register);
        v1.MapPost("/signin/pat", SignInPat).RateLimited(RateLimitPolicies.Login);
    }

    private static async Task<IResult> SignInEmailPassword(
        SignInEmailPasswordRequest body, PasswordSignInService signIn, IUserStore users, NhostSessions shapes,
        NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Email)) return errors.ToResult(NhostEndpoints.Missing("email"));
        if (string.IsNullOrEmpty(body.Password)) return errors.ToResult(NhostEndpoints.Missing("password"));
        // Only emails sign in here; the core also accepts usernames, the spec does not.
        if (!body.Email.Contains('@')) return errors.ToResult(AuthError.Field("email", "Email address is not valid"));

        var result = await signIn.SignInAsync(body.Email, body.Password, SessionKinds.Bearer, http.RequestContext(), ct);
        // SignInEmailPasswordResponse: with a second factor, no session but the mfaTotp ticket for /signin/mfa/totp.
        if (result is { IsSuccess: true, Value.Challenge: { } challenge }) return MfaEndpoints.Challenge(challenge.Token);
        return await SessionAnswerAsync(result, users, shapes, errors, ct);
    }

    /// <summary>
    /// The spec's SessionPayload for a core sign-in outcome (shared by every method that returns one). Only the
    /// email-password answer has room for an MFA ticket; the others refuse accounts with a second factor.
    /// </summary>
    internal static async Task<IResult> SessionAnswerAsync(
        Result<SignInOutcome> result, IUserStore users, NhostSessions shapes, NhostErrors errors, CancellationToken ct)
    {
        if (!result.IsSuccess) return errors.ToResult(result.Error);
        if (result.Value.Session is not { } session)
            return errors.ToResult(new AuthError(AuthErrorCodes.Forbidden,
                "This account has a second factor: sign in with email and password, then /signin/mfa/totp"));

        // Deleted between the sign-in and this read: answer as for any account that cannot sign in.
        if (await users.FindByIdAsync(session.Subject.UserId, ct) is not { } user)
            return errors.ToResult(new AuthError(AuthErrorCodes.InvalidCredentials, "Invalid credentials"));
        return NhostEndpoints.Ok(new SessionPayload(shapes.FromIssued(session, user)));
    }

    private static async Task<IResult> SignInAnonymous(
        SignInAnonymousRequest? body, AnonymousSignInService anonymous, NhostSessions shapes, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        var profile = new ProfileRequest(body?.DisplayName, body?.Locale, body?.Metadata);
        var result = await anonymous.SignInAsync(profile, SessionKinds.Bearer, http.RequestContext(), ct);
        return result.IsSuccess
            ? NhostEndpoints.Ok(new SessionPayload(shapes.FromIssued(result.Value.Session, result.Value.User)))
            : errors.ToResult(result.Error);
    }

    private static async Task<IResult> SignInPat(
        SignInPatRequest body, ApiKeySignInService signIn, NhostSessions shapes, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.PersonalAccessToken)) return errors.ToResult(NhostEndpoints.Missing("personalAccessToken"));
        var result = await signIn.SignInAsync(body.PersonalAccessToken, SessionKinds.Bearer, http.RequestContext(), ct);
        return result.IsSuccess
            ? NhostEndpoints.Ok(new SessionPayload(shapes.FromIssued(result.Value.Session, result.Value.User)))
            : errors.ToResult(result.Error);
    }
}
