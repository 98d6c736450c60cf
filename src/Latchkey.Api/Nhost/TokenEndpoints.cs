using Latchkey.Api.Common;
using Latchkey.Api.Nhost.Contracts;
using Latchkey.Core.Authentication;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nhost;

/// <summary><c>/v1/token</c>, <c>/v1/token/verify</c> and <c>/v1/signout</c>.</summary>
public static class TokenEndpoints
{
    public static void MapNhostTokens(this RouteGroupBuilder v1)
    {
        v1.MapPost("/token", Refresh);
        v1.MapPost("/token/verify", Verify);
        v1.MapPost("/signout", SignOut);
    }

    /// <summary>
    /// Rotates the refresh token through the core (reuse detection, grace window) and signs a Hasura token.
    /// The spec's tokens are UUIDs; ours are 256-bit random strings, which any UUID-shaped value fails.
    /// </summary>
    private static async Task<IResult> Refresh(
        RefreshTokenRequest body, RefreshTokenService refresh, IUserStore users, NhostSessions shapes,
        NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.RefreshToken)) return errors.ToResult(NhostEndpoints.Missing("refreshToken"));
        var result = await refresh.RefreshAsync(body.RefreshToken, shapes.Format, http.RequestContext(), ct, withUser: true);
        if (!result.IsSuccess) return errors.ToResult(result.Error);
        // The SDK replaces its stored session with this one, user included: on PostgreSQL the rotation's statement
        // read the account's columns; elsewhere one read by primary key.
        var user = result.Value.User ?? await users.FindByIdAsync(result.Value.Subject.UserId, ct);
        return NhostEndpoints.Ok(shapes.FromRefreshed(result.Value, user));
    }

    /// <summary>Checks an access token (the body's, else the bearer's): signature, lifetime and a live session.</summary>
    private static async Task<IResult> Verify(
        VerifyTokenRequest? body, CallerAuthenticator authenticator, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        var token = body?.Token ?? Bearer(http);
        if (string.IsNullOrEmpty(token)) return errors.ToResult(NhostEndpoints.Missing("token"));
        return await authenticator.FromAccessTokenAsync(token, ct) is null
            ? errors.ToResult(new AuthError(AuthErrorCodes.Unauthenticated, "Invalid or expired access token"))
            : NhostEndpoints.OkString();
    }

    /// <summary>Ends the refresh token's session, or with <c>all</c> every session of the bearer's user.</summary>
    private static async Task<IResult> SignOut(SignOutRequest body, SessionService sessions, NhostErrors errors, HttpContext http, CancellationToken ct)
    {
        var context = http.RequestContext();
        if (body.All == true)
        {
            if (await NhostEndpoints.AuthenticatedCallerAsync(http) is not { } caller)
                return errors.ToResult(new AuthError(AuthErrorCodes.Unauthenticated, "Signing out everywhere needs the bearer token"));
            await sessions.RevokeOthersAsync(caller.UserId, null, context, ct);
            return NhostEndpoints.OkString();
        }
        if (string.IsNullOrEmpty(body.RefreshToken)) return errors.ToResult(NhostEndpoints.Missing("refreshToken"));
        var result = await sessions.LogoutByRefreshTokenAsync(body.RefreshToken, context, ct);
        return result.IsSuccess ? NhostEndpoints.OkString() : errors.ToResult(result.Error);
    }

    private static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
