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

/// <summary><c>/api/auth/*</c>: register, login, logout, me; the email flows and passwordless sign-in are mapped on the same group.</summary>
public static class AuthEndpoints
{
    public static void MapPlatformAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Platform: auth");
        auth.MapPost("/register", Register).RateLimited(RateLimitPolicies.Register);
        auth.MapPost("/login", Login).RateLimited(RateLimitPolicies.Login);
        auth.MapPost("/logout", Logout).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        auth.MapGet("/me", Me).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        auth.MapPlatformVerification();
        auth.MapPlatformPasswordless();
        auth.MapPlatformOAuth();
    }

    private static async Task<IResult> Register(RegisterRequest body, RegistrationService registration, HttpContext http, CancellationToken ct)
    {
        var result = await registration.RegisterAsync(new NewAccount(body.Email, body.Password, body.FirstName, body.LastName, RedirectTo: body.RedirectTo), http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Json(new UserResponse(true, PlatformUser.From(result.Value), "Account created"), statusCode: StatusCodes.Status201Created)
            : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> Login(LoginRequest body, PasswordSignInService signIn, PlatformSignIn respond, HttpContext http, CancellationToken ct) =>
        await respond.RespondAsync(await signIn.SignInAsync(body.Email, body.Password, SessionKinds.Cookie, http.RequestContext(), ct), http, ct);

    private static async Task<IResult> Logout(SessionService sessions, SessionCookie cookie, HttpContext http, CancellationToken ct)
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
