using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>A server whose dynamic registration is open.</summary>
public sealed class OpenRegistrationServer : OAuthServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Latchkey:OAuth:Registration"] = "open";
    }
}

/// <summary><c>id_token_signed_response_alg</c>: RS256 by default, ES256 on request, published keys, nothing else.</summary>
public sealed class IdTokenAlgorithmTests(OpenRegistrationServer server) : IClassFixture<OpenRegistrationServer>
{
    private async Task<JsonWebToken> IdTokenAsync(TestClient client)
    {
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var tokens = await (await server.ExchangeAsync(client, await browser.CodeAsync(client, pkce), pkce)).OkJsonAsync();
        return new JsonWebToken(tokens.Str("id_token"));
    }

    /// <summary>Verifies the token's signature with the JWKS key its kid names, as a relying party does.</summary>
    private async Task<(bool Valid, JsonWebKey Key)> VerifyAsync(JsonWebToken token)
    {
        var jwks = new JsonWebKeySet(await (await server.CreateClient().GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync());
        var key = Assert.Single(jwks.Keys, k => k.Kid == token.Kid);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.EncodedToken, new TokenValidationParameters
        {
            ValidIssuer = "http://latchkey.test",
            ValidateAudience = false,
            IssuerSigningKey = key,
            ValidAlgorithms = [token.Alg],
        });
        return (result.IsValid, key);
    }

    [Fact]
    public async Task A_client_that_asks_for_es256_gets_es256_id_tokens_verifiable_with_jwks()
    {
        var client = await server.CreateClientAsync(extra: new { idTokenSignedResponseAlg = "ES256" });
        var id = await IdTokenAsync(client);
        Assert.Equal("ES256", id.Alg);
        var (valid, key) = await VerifyAsync(id);
        Assert.True(valid);
        Assert.Equal("EC", key.Kty);
        Assert.Equal("P-256", key.Crv);
        Assert.True(id.TryGetPayloadValue<string>("at_hash", out _));

        var discovery = await (await server.CreateClient().GetAsync("/.well-known/openid-configuration")).OkJsonAsync();
        Assert.Equal(["RS256", "ES256"], discovery.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Clients_get_rs256_by_default_and_other_algorithms_are_refused()
    {
        var client = await server.CreateClientAsync();
        var id = await IdTokenAsync(client);
        Assert.Equal("RS256", id.Alg);
        Assert.True((await VerifyAsync(id)).Valid);

        var admin = await server.AdminAsync();
        foreach (var alg in new[] { "HS256", "none", "es256" })
        {
            var refused = await admin.PostJsonAsync("/api/admin/oauth-clients", new
            {
                name = "Bad alg", redirectUris = new[] { OAuthFlows.RedirectUri }, idTokenSignedResponseAlg = alg,
            });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("invalid_client_metadata", (await refused.JsonAsync()).Str("code"));
        }
        var registered = await server.CreateClient().PostJsonAsync("/api/oauth/register",
            new { client_name = "x", redirect_uris = new[] { "https://x.example.com/cb" }, id_token_signed_response_alg = "HS256" });
        await registered.AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_client_metadata");
    }

    [Fact]
    public async Task Dynamic_registration_and_the_developer_console_accept_es256()
    {
        var registered = await server.CreateClient().PostJsonAsync("/api/oauth/register",
            new { client_name = "RP", redirect_uris = new[] { "https://rp.example.com/cb" }, id_token_signed_response_alg = "ES256" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal("ES256", (await registered.JsonAsync()).Str("id_token_signed_response_alg"));
        var plain = await server.CreateClient().PostJsonAsync("/api/oauth/register",
            new { client_name = "RP", redirect_uris = new[] { "https://rp.example.com/cb" } });
        Assert.Equal("RS256", (await plain.JsonAsync()).Str("id_token_signed_response_alg"));

        var (developer, _) = await server.SignedInBrowserAsync();
        var created = await developer.PostJsonAsync("/api/user/oauth-clients",
            new { name = "Dev app", redirectUris = new[] { "https://dev.example.com/cb" }, idTokenSignedResponseAlg = "ES256" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("ES256", (await created.JsonAsync()).GetProperty("client").Str("idTokenSignedResponseAlg"));
    }

    [Fact]
    public async Task Key_rotation_replaces_both_id_keys_and_keeps_the_old_ones_published()
    {
        var client = await server.CreateClientAsync(extra: new { idTokenSignedResponseAlg = "ES256" });
        var before = await IdTokenAsync(client);
        var rotated = await (await (await server.AdminAsync()).PostAsync("/api/admin/oidc-keys", null)).OkJsonAsync();
        var after = await IdTokenAsync(client);
        Assert.Equal(rotated.Str("es256KeyId"), after.Kid);
        Assert.NotEqual(before.Kid, after.Kid);
        Assert.True((await VerifyAsync(before)).Valid);
    }
}
