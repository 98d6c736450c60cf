using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>Developer console, admin console, key rotation, dynamic registration (off by default) and end-session.</summary>
public sealed class ClientManagementTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    private static object NewClient(string name = "Mine") => new { name, redirectUris = new[] { "https://mine.example.com/cb" } };

    [Fact]
    public async Task The_developer_console_shows_the_secret_once_and_allows_ten_clients()
    {
        var (browser, _) = await server.SignedInBrowserAsync();
        var created = await browser.PostJsonAsync("/api/user/oauth-clients", NewClient());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.StartsWith("lks_", body.Str("clientSecret"));
        Assert.False(body.GetProperty("client").GetProperty("firstParty").GetBoolean());

        var list = await (await browser.GetAsync("/api/user/oauth-clients")).OkJsonAsync();
        Assert.DoesNotContain("lks_", list.GetRawText());
        for (var i = 1; i < 10; i++) Assert.Equal(HttpStatusCode.Created, (await browser.PostJsonAsync("/api/user/oauth-clients", NewClient($"App {i}"))).StatusCode);
        var eleventh = await browser.PostJsonAsync("/api/user/oauth-clients", NewClient("Too many"));
        Assert.Equal(HttpStatusCode.BadRequest, eleventh.StatusCode);
        Assert.Equal("limit_reached", (await eleventh.JsonAsync()).Str("code"));

        // Another user can neither see nor change it.
        var id = body.GetProperty("client").GetProperty("id").GetGuid();
        var (stranger, _) = await server.SignedInBrowserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/user/oauth-clients/{id}")).StatusCode);
        var renamed = await browser.SendAsync(HttpMethod.Put, $"/api/user/oauth-clients/{id}", body: NewClient("Renamed"));
        Assert.Equal("Renamed", (await renamed.OkJsonAsync()).GetProperty("client").Str("name"));
        Assert.Equal(HttpStatusCode.OK, (await browser.DeleteAsync($"/api/user/oauth-clients/{id}")).StatusCode);
    }

    [Fact]
    public async Task Client_metadata_is_validated()
    {
        var (browser, _) = await server.SignedInBrowserAsync();
        var http = await browser.PostJsonAsync("/api/user/oauth-clients", new { name = "x", redirectUris = new[] { "http://evil.example.com/cb" } });
        Assert.Equal("invalid_redirect_uri", (await http.JsonAsync()).Str("code"));
        var fragment = await browser.PostJsonAsync("/api/user/oauth-clients", new { name = "x", redirectUris = new[] { "https://a.example.com/cb#x" } });
        Assert.Equal("invalid_redirect_uri", (await fragment.JsonAsync()).Str("code"));
        var publicCc = await browser.PostJsonAsync("/api/user/oauth-clients",
            new { name = "x", tokenEndpointAuthMethod = "none", grantTypes = new[] { "client_credentials" } });
        Assert.Equal("invalid_client_metadata", (await publicCc.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Admin_endpoints_need_the_admin_role_and_rotation_keeps_old_keys_published()
    {
        var (user, _) = await server.SignedInBrowserAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/admin/oauth-clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsync("/api/admin/oidc-keys", null)).StatusCode);

        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var tokens = await (await server.ExchangeAsync(client, await browser.CodeAsync(client, pkce), pkce)).OkJsonAsync();
        var oldKid = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.Str("id_token")).Kid;

        var admin = await server.AdminAsync();
        var rotated = await (await admin.PostAsync("/api/admin/oidc-keys", null)).OkJsonAsync();
        Assert.Equal("RS256", rotated.Str("algorithm"));
        var kids = (await (await server.CreateClient().GetAsync("/.well-known/jwks.json")).OkJsonAsync())
            .GetProperty("keys").EnumerateArray().Select(k => k.Str("kid")).ToList();
        Assert.Contains(oldKid, kids);
        Assert.Contains(rotated.Str("keyId"), kids);

        var pkce2 = Pkce.New();
        var next = await (await server.ExchangeAsync(client, await browser.CodeAsync(client, pkce2), pkce2)).OkJsonAsync();
        Assert.Equal(rotated.Str("keyId"), new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(next.Str("id_token")).Kid);
        // The same rotation as `latchkey keys rotate`: the access-token key is new as well.
        Assert.Equal(rotated.Str("accessKeyId"), new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(next.Str("access_token")).Kid);
        Assert.NotEqual(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.Str("access_token")).Kid, rotated.Str("accessKeyId"));

        // Deactivated clients can no longer start flows.
        var off = await admin.SendAsync(HttpMethod.Put, $"/api/admin/oauth-clients/{client.Id}",
            body: new { name = "Test app", redirectUris = new[] { OAuthFlows.RedirectUri }, grantTypes = new[] { "authorization_code", "refresh_token" }, active = false });
        Assert.False((await off.OkJsonAsync()).GetProperty("client").GetProperty("active").GetBoolean());
        Assert.StartsWith("/oauth/error?", (await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, Pkce.New()))).OriginalString);
    }

    [Fact]
    public async Task Dynamic_registration_is_off_by_default_and_discovery_says_so()
    {
        var response = await server.CreateClient().PostJsonAsync("/api/oauth/register", new { client_name = "x", redirect_uris = new[] { "https://x.example.com/cb" } });
        await response.AssertOAuthErrorAsync(HttpStatusCode.Forbidden, "access_denied");
        var discovery = await (await server.CreateClient().GetAsync("/.well-known/openid-configuration")).OkJsonAsync();
        Assert.False(discovery.TryGetProperty("registration_endpoint", out _));
        Assert.Equal("http://latchkey.test", discovery.Str("issuer"));
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task End_session_signs_out_and_redirects_only_to_registered_uris()
    {
        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var tokens = await (await server.ExchangeAsync(client, await browser.CodeAsync(client, pkce, "openid"), pkce)).OkJsonAsync();
        var hint = tokens.Str("id_token");

        var evil = await browser.GetAsync($"/api/oauth/end-session?id_token_hint={hint}&post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example.com/")}");
        Assert.StartsWith("/oauth/error?", evil.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);

        // Without a hint the user is asked first.
        var ask = await browser.GetAsync("/api/oauth/end-session");
        Assert.StartsWith("/logout?", ask.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);

        var target = Uri.EscapeDataString("https://app.example.com/signed-out");
        var done = await browser.GetAsync($"/api/oauth/end-session?id_token_hint={hint}&post_logout_redirect_uri={target}&state=bye");
        Assert.Equal("https://app.example.com/signed-out?state=bye", done.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);
        // The grant started from that browser session ended with it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/oauth/userinfo", tokens.Str("access_token"))).StatusCode);
    }
}
