using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

/// <summary><c>/api/auth/*</c>: register, login, logout, me.</summary>
public static class AuthEndpoints
{
    public static void MapPlatformAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Platform: auth");
        auth.MapPost("/register", Register).RateLimited(RateLimitPolicies.Register);
        auth.MapPost("/login", Login).RateLimited(RateLimitPolicies.Login);
        auth.MapPost("/logout", Logout).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        auth.MapGet("/me", Me).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        auth.MapPlatformTwoFactor();
    }

    private static async Task<IResult> Register(RegisterRequest body, RegistrationService registration, HttpContext http, CancellationToken ct)
    {
        var result = await registration.RegisterAsync(new NewAccount(body.Email, body.Password, body.FirstName, body.LastName), http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Json(new UserResponse(true, PlatformUser.From(result.Value), "Account created"), statusCode: StatusCodes.Status201Created)
            : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> Login(LoginRequest body, PasswordSignInService signIn, IUserStore users, PlatformSessionCookie cookie, HttpContext http, CancellationToken ct)
    {
        var result = await signIn.SignInAsync(body.Email, body.Password, SessionKinds.Cookie, http.RequestContext(), ct);
        if (!result.IsSuccess) return PlatformErrors.Instance.ToResult(result.Error);

        if (result.Value.Challenge is { } challenge)
            return Results.Ok(TwoFactorChallengeResponse.From(challenge));
        return await SignedIn(result.Value.Session!, users, cookie, http, ct);
    }

    /// <summary>The answer of every sign-in that starts a session: the cookie and the user.</summary>
    internal static async Task<IResult> SignedIn(IssuedSession session, IUserStore users, PlatformSessionCookie cookie, HttpContext http, CancellationToken ct)
    {
        cookie.Set(http, session.CookieSecret!, session.ExpiresAt);
        var user = await users.FindByIdAsync(session.Subject.UserId, ct);
        return Results.Ok(new UserResponse(true, PlatformUser.From(user!)));
    }

    private static async Task<IResult> Logout(SessionService sessions, PlatformSessionCookie cookie, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        await sessions.LogoutAsync(caller.UserId, caller.SessionId!.Value, http.RequestContext(), ct);
        cookie.Clear(http);
        return Results.Ok(new MessageResponse(true, "Logged out"));
    }

    private static async Task<IResult> Me(IUserStore users, HttpContext http, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(http.Caller().UserId, ct);
        return user is null
            ? PlatformErrors.Instance.ToResult(new(Core.Common.AuthErrorCodes.Unauthenticated, "Authentication required"))
            : Results.Ok(new UserResponse(true, PlatformUser.From(user)));
    }
}
