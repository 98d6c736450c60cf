using Latchkey.Api.Common.Cors;
using Latchkey.Api.OAuth;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.WellKnown;

/// <summary><c>GET /.well-known/openid-configuration</c> (OpenID Connect Discovery 1.0 §3, RFC 8414).</summary>
public static class DiscoveryEndpoints
{
    public static void MapDiscovery(this IEndpointRouteBuilder app) =>
        app.MapGet("/.well-known/openid-configuration", async (IOptions<LatchkeyOptions> latchkey, IOptions<OAuthOptions> oauth,
                ApiResourceCatalog resources, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=300";
                var doc = Document(latchkey.Value.PublicUrl!, oauth.Value);
                // The API resources' scopes are advertised with the standard ones (RFC 8414 §2 scopes_supported).
                var set = await resources.GetAsync(http.RequestServices.GetRequiredService<IApiResourceStore>, ct);
                doc["scopes_supported"] = Scopes.Supported.Concat(set.CustomScopes.Order(StringComparer.Ordinal)).ToArray();
                return Results.Json(doc);
            })
            .RateLimited(RateLimitPolicies.None)
            .WithCors(CorsRule.Public)
            .WithTags("Well-known");

    public static Dictionary<string, object> Document(string issuer, OAuthOptions oauth)
    {
        string[] clientAuth = [.. ClientAuthMethods.All];
        string[] assertionAlgs = ["RS256", "ES256", "PS256"];
        var doc = new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = issuer + "/api/oauth/authorize",
            ["token_endpoint"] = issuer + "/api/oauth/token",
            ["userinfo_endpoint"] = issuer + "/api/oauth/userinfo",
            ["jwks_uri"] = issuer + "/.well-known/jwks.json",
            ["introspection_endpoint"] = issuer + "/api/oauth/introspect",
            ["revocation_endpoint"] = issuer + "/api/oauth/revoke",
            ["device_authorization_endpoint"] = issuer + "/api/oauth/device",
            ["end_session_endpoint"] = issuer + "/api/oauth/end-session",
            ["scopes_supported"] = Scopes.Supported,
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { ResponseModes.Query, ResponseModes.FormPost },
            ["grant_types_supported"] = GrantTypes.All,
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = IdTokenAlgorithms.All,
            ["token_endpoint_auth_methods_supported"] = clientAuth,
            ["token_endpoint_auth_signing_alg_values_supported"] = assertionAlgs,
            // Public clients may revoke their own tokens (RFC 7009 §2.1) but never introspect (RFC 7662 §2.1).
            ["introspection_endpoint_auth_methods_supported"] = ClientAuthMethods.Authenticating,
            ["introspection_endpoint_auth_signing_alg_values_supported"] = assertionAlgs,
            ["revocation_endpoint_auth_methods_supported"] = clientAuth,
            ["revocation_endpoint_auth_signing_alg_values_supported"] = assertionAlgs,
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["prompt_values_supported"] = new[] { "none", "login", "consent", "select_account" },
            ["claims_supported"] = new[] { "sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "sid", "at_hash", "azp",
                "name", "given_name", "family_name", "nickname", "preferred_username", "picture", "website", "gender", "birthdate",
                "zoneinfo", "locale", "updated_at", "email", "email_verified", "address", "phone_number", "phone_number_verified", "groups",
                "entitlements" },
            ["claims_parameter_supported"] = false,
            ["request_parameter_supported"] = false,
            ["request_uri_parameter_supported"] = false,
            ["authorization_response_iss_parameter_supported"] = true,
            ["backchannel_logout_supported"] = true,
            ["backchannel_logout_session_supported"] = true,
            ["frontchannel_logout_supported"] = false,
        };
        if (oauth.Registration != "off") doc["registration_endpoint"] = issuer + "/api/oauth/register";
        return doc;
    }
}
