using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>client_secret_post, private_key_jwt (RFC 7523) and the one-method-per-client rule.</summary>
public sealed class ClientAuthenticationTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    private static readonly string[] ClientCredentials = ["client_credentials"];

    [Fact]
    public async Task Client_secret_post_works_and_the_registered_method_is_enforced()
    {
        var client = await server.CreateClientAsync(authMethod: "client_secret_post", grantTypes: ClientCredentials);
        var post = await server.PostFormAsync("/api/oauth/token", null,
            ("grant_type", "client_credentials"), ("client_id", client.ClientId), ("client_secret", client.Secret!));
        await post.OkJsonAsync();
        // The right secret over Basic is still refused: this client registered client_secret_post.
        await (await server.TokenAsync(client, ("grant_type", "client_credentials"))).AssertOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        // Two methods at once are refused (RFC 6749 §2.3).
        var both = await server.PostFormAsync("/api/oauth/token", client,
            ("grant_type", "client_credentials"), ("client_id", client.ClientId), ("client_secret", client.Secret!));
        await both.AssertOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Private_key_jwt_accepts_a_signed_assertion_once()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "k1" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "k1" });
        var jwks = JsonDocument.Parse(JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, n = jwk.N, e = jwk.E, use = "sig", alg = "RS256" } } })).RootElement;
        var client = await server.CreateClientAsync(authMethod: "private_key_jwt", grantTypes: ClientCredentials, extra: new { jwks });
        Assert.Null(client.Secret);

        var assertion = Assertion(client.ClientId, key, "http://latchkey.test/api/oauth/token");
        (string, string)[] form =
        [
            ("grant_type", "client_credentials"),
            ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
            ("client_assertion", assertion),
        ];
        await (await server.PostFormAsync("/api/oauth/token", null, form)).OkJsonAsync();
        await (await server.PostFormAsync("/api/oauth/token", null, form)).AssertOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");

        using var other = RSA.Create(2048);
        var forged = Assertion(client.ClientId, new RsaSecurityKey(other) { KeyId = "k1" }, "http://latchkey.test/api/oauth/token");
        await (await server.PostFormAsync("/api/oauth/token", null, form[0], form[1], ("client_assertion", forged)))
            .AssertOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        var wrongAudience = Assertion(client.ClientId, key, "https://elsewhere.example.com/token");
        await (await server.PostFormAsync("/api/oauth/token", null, form[0], form[1], ("client_assertion", wrongAudience)))
            .AssertOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }

    private string Assertion(string clientId, SecurityKey key, string audience)
    {
        var now = server.Clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = clientId, ["jti"] = Guid.NewGuid().ToString() },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(2),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
