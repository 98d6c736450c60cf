using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Latchkey.Api.Tests.WellKnown;

public sealed class JwksTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task Jwks_publishes_an_ES256_key_that_verifies_issued_access_tokens()
    {
        var client = server.CreateClient();
        var response = await client.GetAsync("/.well-known/jwks.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var jwks = new JsonWebKeySet(await response.Content.ReadAsStringAsync());
        // One key per purpose: ES256 for access tokens, RS256 and ES256 for OpenID Connect id tokens.
        Assert.Contains(jwks.Keys, k => k.Kty == "RSA" && k.Alg == "RS256");
        Assert.Equal(2, jwks.Keys.Count(k => k.Alg == "ES256"));
        Assert.All(jwks.Keys, k => Assert.Null(k.D)); // never the private part

        var (access, _) = await client.SimpleLoginAsync(await client.RegisterAsync());
        var key = Assert.Single(jwks.Keys, k => k.Kid == new JsonWebToken(access).Kid);
        Assert.Equal("EC", key.Kty);
        Assert.Equal("P-256", key.Crv);
        Assert.Equal("ES256", key.Alg);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(access, new TokenValidationParameters
        {
            ValidIssuer = "http://latchkey.test",
            ValidateAudience = false,
            IssuerSigningKeys = jwks.GetSigningKeys().Where(k => k.KeyId == key.Kid),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("ES256", jwt.Alg);
        Assert.Equal(key.Kid, jwt.Kid);
        Assert.Equal(900, (int)(jwt.ValidTo - jwt.IssuedAt).TotalSeconds);
        Assert.True(Guid.TryParse(jwt.Subject, out _));
    }

    [Fact]
    public async Task A_token_signed_by_another_key_or_with_alg_none_is_refused()
    {
        var client = server.CreateClient();
        var (access, _) = await client.SimpleLoginAsync(await client.RegisterAsync());
        var parts = access.Split('.');

        var unsigned = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me", unsigned)).StatusCode);

        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var payload = Base64UrlEncoder.Decode(parts[1]);
        var forged = new JsonWebTokenHandler().CreateToken(payload,
            new SigningCredentials(new ECDsaSecurityKey(other) { KeyId = new JsonWebToken(access).Kid }, SecurityAlgorithms.EcdsaSha256));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me", forged)).StatusCode);
    }

    [Fact]
    public async Task An_expired_access_token_is_refused()
    {
        var client = server.CreateClient();
        var (access, _) = await client.SimpleLoginAsync(await client.RegisterAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me", access)).StatusCode);
        server.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me", access)).StatusCode);
    }
}
