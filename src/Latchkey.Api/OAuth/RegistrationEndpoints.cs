using System.Text;
using Latchkey.Api.Common;
using Latchkey.Api.OAuth.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.OAuth;

/// <summary>
/// <c>POST /api/oauth/register</c>: dynamic client registration (RFC 7591), configured by
/// <c>Latchkey:OAuth:Registration</c>: <c>off</c> (403), <c>open</c>, or <c>token</c> (an initial access
/// token as Bearer, §3). Registered clients are never first-party.
/// </summary>
public static class RegistrationEndpoints
{
    public static void MapOAuthRegistration(this RouteGroupBuilder oauth) =>
        oauth.MapPost("/register", Register).RateLimited(RateLimitPolicies.Register);

    private static async Task<IResult> Register(
        RegistrationRequest body, OAuthClientService clients, IOptions<OAuthOptions> options, HttpContext http, CancellationToken ct)
    {
        var settings = options.Value;
        if (settings.Registration == "off")
            return OAuthErrors.Instance.ToResult(new AuthError(AuthErrorCodes.Forbidden, "Dynamic client registration is disabled"));
        if (settings.Registration == "token" && !HasRegistrationToken(http, settings.RegistrationToken))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"latchkey\", error=\"invalid_token\"";
            return OAuthErrors.Instance.ToResult(new AuthError(AuthErrorCodes.InvalidToken, "A valid initial access token is required"));
        }
        if (body.JwksUri is not null)
            return OAuthErrors.Instance.ToResult(new AuthError(AuthErrorCodes.InvalidClientMetadata, "jwks_uri is not supported; register the keys inline as jwks"));
        if (body.ResponseTypes is { } types && types.Any(t => t != "code"))
            return OAuthErrors.Instance.ToResult(new AuthError(AuthErrorCodes.InvalidClientMetadata, "Only the code response type is supported"));

        var created = await clients.CreateAsync(body.ToDraft(), null, firstParty: false, ClientFieldNames.Rfc7591, http.RequestContext(), ct);
        return created.IsSuccess
            ? Results.Json(RegistrationResponse.From(created.Value.Client, created.Value.ClientSecret), statusCode: StatusCodes.Status201Created)
            : OAuthErrors.Instance.ToResult(created.Error);
    }

    private static bool HasRegistrationToken(HttpContext http, string? expected)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (expected is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        return SecretHash.FixedTimeEquals(SecretHash.Sha256(header["Bearer ".Length..].Trim()), SecretHash.Sha256(expected));
    }
}
