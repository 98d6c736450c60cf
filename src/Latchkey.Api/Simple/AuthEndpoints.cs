using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.RateLimiting;
using Latchkey.Api.Simple.Contracts;
using Latchkey.Core.Authentication;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Simple;

/// <summary><c>/api/v1/auth/login|refresh|logout</c>: bearer tokens for API clients.</summary>
public static class AuthEndpoints
{
    public static void MapSimpleAuth(this RouteGroupBuilder auth)
    {
        auth.MapPost("/login", Login).RateLimited(RateLimitPolicies.Login);
        auth.MapPost("/refresh", Refresh);
        auth.MapPost("/logout", Logout).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
    }

    private static async Task<IResult> Login(SimpleLoginRequest body, PasswordSignInService signIn, HttpContext http, CancellationToken ct)
    {
        // The document names the field "username"; an email works there too, or in "email".
        var login = string.IsNullOrWhiteSpace(body.Username) ? body.Email : body.Username;
        var result = await signIn.SignInAsync(login, body.Password, SessionKinds.Bearer, http.RequestContext(), ct);
        if (!result.IsSuccess) return SimpleErrors.Instance.ToResult(result.Error);
        if (result.Value.Challenge is not null)
            return SimpleErrors.Instance.ToResult(new AuthError(AuthErrorCodes.Forbidden,
                "This account uses two-factor authentication; sign in through the Platform API"));

        var session = result.Value.Session!;
        var subject = session.Subject;
        return Results.Ok(new SimpleLoginResponse(session.AccessToken!.Value, session.AccessToken.ExpiresInSeconds, session.RefreshToken!,
            new SimpleUser(subject.UserId.ToString(), subject.Username ?? subject.Email, subject.Email)));
    }

    private static async Task<IResult> Refresh(SimpleRefreshRequest body, RefreshTokenService refresh, HttpContext http, CancellationToken ct)
    {
        var result = await refresh.RefreshAsync(body.RefreshToken, http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Ok(new SimpleRefreshResponse(result.Value.AccessToken.Value, result.Value.AccessToken.ExpiresInSeconds, result.Value.RefreshToken))
            : SimpleErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> Logout(SessionService sessions, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        if (caller.Credential == CredentialKind.ApiKey)
            return SimpleErrors.Instance.ToResult(AuthError.Validation("API keys have no session to end; delete the key instead"));
        await sessions.LogoutAsync(caller.UserId, caller.SessionId!.Value, http.RequestContext(), ct);
        return Results.Ok(new SimpleMessage("Successfully logged out"));
    }
}
