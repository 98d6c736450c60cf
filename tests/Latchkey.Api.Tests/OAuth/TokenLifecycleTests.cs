using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>Refresh rotation and family revocation, client credentials, introspection and revocation.</summary>
public sealed class TokenLifecycleTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    private async Task<(TestClient Client, System.Text.Json.JsonElement Tokens)> GrantAsync(string scope = "openid profile email offline_access")
    {
        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var code = await browser.CodeAsync(client, pkce, scope);
        return (client, await (await server.ExchangeAsync(client, code, pkce)).OkJsonAsync());
    }

    private Task<HttpResponseMessage> RefreshAsync(TestClient client, string token) =>
        server.TokenAsync(client, ("grant_type", "refresh_token"), ("refresh_token", token));

    [Fact]
    public async Task Refresh_rotates_and_reuse_after_the_grace_window_revokes_the_family()
    {
        var (client, tokens) = await GrantAsync();
        var first = tokens.Str("refresh_token");
        var rotated = await (await RefreshAsync(client, first)).OkJsonAsync();
        var second = rotated.Str("refresh_token");
        Assert.NotEqual(first, second);
        Assert.NotNull(rotated.Str("id_token"));
        var latest = await (await RefreshAsync(client, second)).OkJsonAsync(); // the client uses its successor

        server.Clock.Advance(TimeSpan.FromSeconds(30));
        await (await RefreshAsync(client, first)).AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant");
        // The whole family is gone: the legitimate successor and the grant's access tokens too.
        await (await RefreshAsync(client, latest.Str("refresh_token"))).AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/oauth/userinfo", latest.Str("access_token"))).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_works_only_for_its_own_client_and_never_at_first_party_refresh()
    {
        var (_, tokens) = await GrantAsync();
        var other = await server.CreateClientAsync();
        await (await RefreshAsync(other, tokens.Str("refresh_token"))).AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant");
        var simple = await server.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.Str("refresh_token") });
        Assert.Equal(HttpStatusCode.Unauthorized, simple.StatusCode);
        // A scoped OAuth access token is not a first-party credential either.
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/auth/me", tokens.Str("access_token"))).StatusCode);
    }

    [Fact]
    public async Task OpenID_requests_without_offline_access_get_no_refresh_token()
    {
        var (_, tokens) = await GrantAsync("openid email");
        Assert.False(tokens.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task Client_credentials_issue_a_token_for_the_client_itself()
    {
        var client = await server.CreateClientAsync(grantTypes: ["client_credentials"]);
        var tokens = await (await server.TokenAsync(client, ("grant_type", "client_credentials"), ("scope", "profile"))).OkJsonAsync();
        Assert.False(tokens.TryGetProperty("refresh_token", out _));
        Assert.False(tokens.TryGetProperty("id_token", out _));

        var introspected = await (await server.PostFormAsync("/api/oauth/introspect", client, ("token", tokens.Str("access_token")))).OkJsonAsync();
        Assert.True(introspected.GetProperty("active").GetBoolean());
        Assert.Equal(client.ClientId, introspected.Str("sub"));
        Assert.Equal("profile", introspected.Str("scope"));

        await (await server.TokenAsync(client, ("grant_type", "client_credentials"), ("scope", "openid")))
            .AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_scope");
        var codeOnly = await server.CreateClientAsync();
        await (await server.TokenAsync(codeOnly, ("grant_type", "client_credentials")))
            .AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "unauthorized_client");
    }

    [Fact]
    public async Task Introspection_and_revocation_follow_RFC_7662_and_7009()
    {
        var (client, tokens) = await GrantAsync();
        var active = await (await server.PostFormAsync("/api/oauth/introspect", client, ("token", tokens.Str("refresh_token")), ("token_type_hint", "refresh_token"))).OkJsonAsync();
        Assert.True(active.GetProperty("active").GetBoolean());
        Assert.Equal(client.ClientId, active.Str("client_id"));

        // Another (third-party) client learns nothing about these tokens.
        var other = await server.CreateClientAsync(firstParty: false);
        var hidden = await (await server.PostFormAsync("/api/oauth/introspect", other, ("token", tokens.Str("access_token")))).OkJsonAsync();
        Assert.False(hidden.GetProperty("active").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await server.PostFormAsync("/api/oauth/revoke", client, ("token", "not-a-token"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.PostFormAsync("/api/oauth/revoke", client, ("token", tokens.Str("refresh_token")))).StatusCode);
        var revoked = await (await server.PostFormAsync("/api/oauth/introspect", client, ("token", tokens.Str("access_token")))).OkJsonAsync();
        Assert.False(revoked.GetProperty("active").GetBoolean());
        Assert.Single(revoked.EnumerateObject());

        var unauthenticated = await server.PostFormAsync("/api/oauth/introspect", client with { Secret = "wrong" }, ("token", tokens.Str("access_token")));
        await unauthenticated.AssertOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Bad_token_requests_get_RFC_6749_errors()
    {
        var client = await server.CreateClientAsync();
        await (await server.TokenAsync(client, ("grant_type", "password"))).AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "unsupported_grant_type");
        await (await server.TokenAsync(client)).AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
        var json = await server.CreateClient().PostJsonAsync("/api/oauth/token", new { grant_type = "client_credentials" });
        await json.AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
        var twice = await server.CreateClient().PostAsync("/api/oauth/token", new StringContent(
            "grant_type=client_credentials&grant_type=refresh_token", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        await twice.AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
        var unknown = await server.PostFormAsync("/api/oauth/token", null, ("grant_type", "client_credentials"), ("client_id", "lk_nope"), ("client_secret", "x"));
        await unknown.AssertOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }
}
