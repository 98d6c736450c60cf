using System.Net;
using System.Text;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>The default Nhost token: RS256, published in /v1 JWKS, with the Hasura claims.</summary>
public sealed class NhostTokenTests(NhostServer server) : IClassFixture<NhostServer>
{
    [Fact]
    public async Task The_access_token_is_RS256_verifiable_with_the_v1_jwks_and_carries_hasura_claims()
    {
        var client = server.CreateClient();
        var session = await client.SignUpAsync(options: new { allowedRoles = new[] { "user", "me" }, defaultRole = "me" });
        var jwks = new JsonWebKeySet(await client.GetStringAsync("/v1/.well-known/jwks.json"));
        var key = Assert.Single(jwks.Keys);
        Assert.Equal("RSA", key.Kty);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(session.AccessToken(), new TokenValidationParameters
        {
            ValidIssuer = "http://latchkey.test", ValidateAudience = false, IssuerSigningKeys = jwks.GetSigningKeys(),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("RS256", ((JsonWebToken)result.SecurityToken).Alg);

        var claims = NhostCalls.Claims(session.AccessToken());
        var hasura = claims.GetProperty("https://hasura.io/jwt/claims");
        var userId = session.GetProperty("user").Str("id");
        Assert.Equal(userId, claims.Str("sub"));
        Assert.Equal(userId, hasura.Str("x-hasura-user-id"));
        Assert.Equal("me", hasura.Str("x-hasura-default-role"));
        Assert.Equal(["user", "me"], hasura.GetProperty("x-hasura-allowed-roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("false", hasura.Str("x-hasura-user-is-anonymous"));
        Assert.False(claims.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task A_guest_token_says_anonymous_as_a_string_with_only_the_anonymous_role()
    {
        var session = await server.CreateClient().SignInAnonymousAsync();
        var hasura = NhostCalls.Claims(session.AccessToken()).GetProperty("https://hasura.io/jwt/claims");
        Assert.Equal("true", hasura.Str("x-hasura-user-is-anonymous"));
        Assert.Equal("anonymous", hasura.Str("x-hasura-default-role"));
        Assert.False(session.GetProperty("user").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task A_reused_refresh_token_after_the_grace_window_revokes_the_session()
    {
        var client = server.CreateClient();
        var first = (await client.SignUpAsync()).RefreshToken();
        var rotated = await client.PostJsonAsync("/v1/token", new { refreshToken = first });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var second = (await rotated.JsonAsync()).Str("refreshToken");
        Assert.NotEqual(first, second);
        var third = (await (await client.PostJsonAsync("/v1/token", new { refreshToken = second })).JsonAsync()).Str("refreshToken");

        server.Clock.Advance(TimeSpan.FromSeconds(30));
        var reuse = await client.PostJsonAsync("/v1/token", new { refreshToken = first });
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        Assert.Equal("invalid-refresh-token", (await reuse.JsonAsync()).Str("error"));
        var successor = await client.PostJsonAsync("/v1/token", new { refreshToken = third });
        Assert.Equal(HttpStatusCode.Unauthorized, successor.StatusCode);
    }

    [Fact]
    public async Task After_sign_out_the_access_token_no_longer_verifies()
    {
        var client = server.CreateClient();
        var session = await client.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/signout", new { refreshToken = session.RefreshToken() })).StatusCode);
        var verify = await client.PostJsonAsync("/v1/token/verify", new { token = session.AccessToken() });
        Assert.Equal(HttpStatusCode.Unauthorized, verify.StatusCode);
        var everywhere = await client.PostJsonAsync("/v1/signout", new { all = true });
        Assert.Equal(HttpStatusCode.Unauthorized, everywhere.StatusCode);
    }
}

/// <summary>HS256 with a secret shared with Hasura, and a custom claims namespace.</summary>
public sealed class HasuraSecretServer : NhostServer
{
    public const string Secret = "a-shared-hasura-secret-of-at-least-32-bytes!";

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Latchkey:Nhost:Jwt:Algorithm"] = "HS256";
        settings["Latchkey:Nhost:Jwt:Secret"] = Secret;
        settings["Latchkey:Nhost:Jwt:ClaimsNamespace"] = "https://example.com/claims";
    }
}

public sealed class NhostHs256Tests(HasuraSecretServer server) : IClassFixture<HasuraSecretServer>
{
    [Fact]
    public async Task Tokens_are_HS256_with_the_shared_secret_and_nothing_is_published()
    {
        var client = server.CreateClient();
        var session = await client.SignUpAsync();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(session.AccessToken(), new TokenValidationParameters
        {
            ValidIssuer = "http://latchkey.test", ValidateAudience = false,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(HasuraSecretServer.Secret)),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("HS256", ((JsonWebToken)result.SecurityToken).Alg);
        Assert.True(NhostCalls.Claims(session.AccessToken()).TryGetProperty("https://example.com/claims", out _));

        // The shared secret is never published, and with HS256 there is no Nhost key to publish.
        var jwks = JsonDocument.Parse(await client.GetStringAsync("/v1/.well-known/jwks.json")).RootElement;
        Assert.Equal(0, jwks.GetProperty("keys").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/user", session.AccessToken())).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_is_refused()
    {
        var client = server.CreateClient();
        var session = await client.SignUpAsync();
        var claims = NhostCalls.Claims(session.AccessToken()).GetRawText();
        var forged = new JsonWebTokenHandler().CreateToken(claims, new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-secret-that-is-also-32-bytes-long")), SecurityAlgorithms.HmacSha256));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/user", forged)).StatusCode);
    }
}
