using Latchkey.Api.Common.Cors;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.OAuth;

/// <summary><c>POST /api/oauth/introspect</c> (RFC 7662) and <c>POST /api/oauth/revoke</c> (RFC 7009), both with client authentication.</summary>
public static class IntrospectionEndpoints
{
    public static void MapOAuthIntrospection(this RouteGroupBuilder oauth)
    {
        oauth.MapPost("/introspect", Introspect).RateLimited(RateLimitPolicies.OAuthToken);
        oauth.MapPost("/revoke", Revoke).RateLimited(RateLimitPolicies.OAuthToken).WithCors(CorsRule.OAuthClients("POST"));
    }

    private static async Task<IResult> Introspect(ClientAuthenticator authenticator, IntrospectionService introspection, HttpContext http, CancellationToken ct)
    {
        var (form, client, failure) = await AuthenticateAsync(authenticator, http, ct);
        if (failure is not null) return failure;
        if (form!["token"] is null) return TokenEndpoints.Error(new(AuthErrorCodes.InvalidRequest, "token is required"));
        var claims = await introspection.IntrospectAsync(client!, form["token"], form["token_type_hint"], ct);
        return claims.IsSuccess ? Results.Json(claims.Value.ToDictionary()) : TokenEndpoints.Error(claims.Error);
    }

    /// <summary>200 with an empty body whether or not the token was known (RFC 7009 §2.2).</summary>
    private static async Task<IResult> Revoke(ClientAuthenticator authenticator, RevocationService revocation, HttpContext http, CancellationToken ct)
    {
        var (form, client, failure) = await AuthenticateAsync(authenticator, http, ct);
        if (failure is not null) return failure;
        if (form!["token"] is null) return TokenEndpoints.Error(new(AuthErrorCodes.InvalidRequest, "token is required"));
        await revocation.RevokeAsync(client!, form["token"], form["token_type_hint"], ct);
        return Results.Ok();
    }

    internal static async Task<(OAuthRequest?, OAuthClient?, IResult?)> AuthenticateAsync(ClientAuthenticator authenticator, HttpContext http, CancellationToken ct)
    {
        var form = await OAuthRequest.ReadFormAsync(http);
        if (form is null) return (null, null, TokenEndpoints.Error(new(AuthErrorCodes.InvalidRequest, "The body must be application/x-www-form-urlencoded")));
        if (form.RepeatedError() is { } repeated) return (null, null, TokenEndpoints.Error(repeated));
        var credentials = form.Credentials(http);
        var client = await authenticator.AuthenticateAsync(credentials, ct);
        return client.IsSuccess ? (form, client.Value, null) : (null, null, TokenEndpoints.ClientAuthFailed(http, credentials, client.Error));
    }
}
