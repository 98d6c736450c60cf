using Latchkey.Api.Common.Cors;
using Latchkey.Api.Common;
using Latchkey.Api.OAuth.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api.OAuth;

/// <summary><c>POST /api/oauth/token</c>: client authentication, then the grant the request names.</summary>
public static class TokenEndpoints
{
    public static void MapOAuthToken(this RouteGroupBuilder oauth) =>
        oauth.MapPost("/token", Token).RateLimited(RateLimitPolicies.OAuthToken).WithCors(CorsRule.OAuthClients("POST"));

    // The grants are resolved when the request names one, not injected: each is a scoped service with
    // its own graph of stores, and building all four for every request was measurable on the
    // client_credentials path (which needs none of the scoped ones).
    private static async Task<IResult> Token(ClientAuthenticator authenticator, HttpContext http, CancellationToken ct)
    {
        var form = await OAuthRequest.ReadFormAsync(http);
        if (form is null) return Error(new(AuthErrorCodes.InvalidRequest, "The body must be application/x-www-form-urlencoded"));
        if (form.RepeatedError() is { } repeated) return Error(repeated);
        var grantType = form["grant_type"];
        if (grantType is null) return Error(new(AuthErrorCodes.InvalidRequest, "grant_type is required"));
        if (!GrantTypes.All.Contains(grantType)) return Error(new(AuthErrorCodes.UnsupportedGrantType, $"Unsupported grant_type '{grantType}'"));

        var credentials = form.Credentials(http);
        var client = await authenticator.AuthenticateAsync(credentials, ct);
        if (!client.IsSuccess) return ClientAuthFailed(http, credentials, client.Error);

        var services = http.RequestServices;
        var result = grantType switch
        {
            GrantTypes.ClientCredentials => await services.GetRequiredService<ClientCredentialsGrant>()
                .IssueAsync(client.Value, form["scope"], form["resource"], services.GetRequiredService<ResourceIndicators>(), ct),
            GrantTypes.AuthorizationCode => await services.GetRequiredService<AuthorizationCodeGrant>()
                .RedeemAsync(client.Value, form["code"], form["redirect_uri"], form["code_verifier"], form["resource"], http.RequestContext(), ct),
            GrantTypes.RefreshToken => await services.GetRequiredService<RefreshTokenGrant>()
                .RefreshAsync(client.Value, form["refresh_token"], form["scope"], form["resource"], http.RequestContext(), ct),
            _ => await services.GetRequiredService<DeviceFlowService>().PollAsync(client.Value, form["device_code"], form["resource"], http.RequestContext(), ct),
        };
        return result.IsSuccess ? Results.Json(TokenResponseBody.From(result.Value)) : Error(result.Error);
    }

    public static IResult Error(AuthError error) => OAuthErrors.Instance.ToResult(error);

    /// <summary>RFC 6749 §5.2: a failed Basic authentication answers 401 with the scheme it used.</summary>
    public static IResult ClientAuthFailed(HttpContext http, ClientCredentialsInput credentials, AuthError error)
    {
        if (credentials.UsedBasic) http.Response.Headers.WWWAuthenticate = "Basic realm=\"latchkey\", charset=\"UTF-8\"";
        return Error(error);
    }
}
