using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>
/// Secret rotation with a grace period, partial updates (PATCH), default scopes, field names in messages,
/// and the authentication-method mismatch message. Its own server: a test here moves the clock by a day.
/// </summary>
public sealed class ClientLifecycleTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    private static readonly string[] ClientCredentials = ["client_credentials"];

    private Task<HttpResponseMessage> ClientCredentialsAsync(TestClient client, string secret) =>
        server.TokenAsync(client with { Secret = secret }, ("grant_type", "client_credentials"));

    [Fact]
    public async Task A_rotated_secret_keeps_working_through_the_grace_period_only()
    {
        var client = await server.CreateClientAsync(grantTypes: ClientCredentials);
        var admin = await server.AdminAsync();
        var rotated = await (await admin.PostAsync($"/api/admin/oauth-clients/{client.Id}/rotate-secret", null)).OkJsonAsync();
        var secret = rotated.Str("clientSecret");
        Assert.StartsWith("lks_", secret);
        Assert.NotEqual(client.Secret, secret);
        var until = rotated.GetProperty("previousSecretExpiresAt").GetDateTimeOffset().UtcDateTime;
        Assert.InRange(until - server.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
        Assert.DoesNotContain(secret, (await (await admin.GetAsync("/api/admin/oauth-clients")).Content.ReadAsStringAsync()));

        await (await ClientCredentialsAsync(client, secret)).OkJsonAsync();
        await (await ClientCredentialsAsync(client, client.Secret!)).OkJsonAsync();
        await server.AdvanceClockAsync(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await (await ClientCredentialsAsync(client, client.Secret!)).AssertOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        await (await ClientCredentialsAsync(client, secret)).OkJsonAsync();
    }

    [Fact]
    public async Task Developers_rotate_their_own_confidential_clients_only()
    {
        var (browser, _) = await server.SignedInBrowserAsync();
        var created = await (await browser.PostJsonAsync("/api/user/oauth-clients",
            new { name = "Mine", redirectUris = new[] { "https://mine.example.com/cb" } })).OkJsonAsync();
        var id = created.GetProperty("client").Str("id");
        Assert.StartsWith("lks_", (await (await browser.PostAsync($"/api/user/oauth-clients/{id}/rotate-secret", null)).OkJsonAsync()).Str("clientSecret"));
        var (stranger, _) = await server.SignedInBrowserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/user/oauth-clients/{id}/rotate-secret", null)).StatusCode);

        var publicClient = await (await browser.PostJsonAsync("/api/user/oauth-clients",
            new { name = "SPA", redirectUris = new[] { "https://spa.example.com/cb" }, tokenEndpointAuthMethod = "none" })).OkJsonAsync();
        var refused = await browser.PostAsync($"/api/user/oauth-clients/{publicClient.GetProperty("client").Str("id")}/rotate-secret", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_request", (await refused.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_sent()
    {
        var (browser, _) = await server.SignedInBrowserAsync();
        var created = await (await browser.PostJsonAsync("/api/user/oauth-clients", new
        {
            name = "Before", redirectUris = new[] { "https://p.example.com/cb" }, scopes = new[] { "openid", "email" }, clientUri = "https://p.example.com",
        })).OkJsonAsync();
        var id = created.GetProperty("client").Str("id");

        var patched = (await (await browser.SendAsync(HttpMethod.Patch, $"/api/user/oauth-clients/{id}", body: new { name = "After" })).OkJsonAsync()).GetProperty("client");
        Assert.Equal("After", patched.Str("name"));
        Assert.Equal("https://p.example.com/cb", patched.GetProperty("redirectUris")[0].GetString());
        Assert.Equal(["openid", "email"], patched.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("https://p.example.com", patched.Str("clientUri"));

        var cleared = (await (await browser.SendAsync(HttpMethod.Patch, $"/api/user/oauth-clients/{id}", body: new { clientUri = "" })).OkJsonAsync()).GetProperty("client");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cleared.GetProperty("clientUri").ValueKind);
        Assert.Equal("After", cleared.Str("name"));

        var bad = await browser.SendAsync(HttpMethod.Patch, $"/api/user/oauth-clients/{id}", body: new { redirectUris = new[] { "http://evil.example.com/cb" } });
        Assert.Equal("invalid_redirect_uri", (await bad.JsonAsync()).Str("code"));
        var admin = await server.AdminAsync();
        var off = (await (await admin.SendAsync(HttpMethod.Patch, $"/api/admin/oauth-clients/{id}", body: new { active = false })).OkJsonAsync()).GetProperty("client");
        Assert.False(off.GetProperty("active").GetBoolean());
        Assert.Equal("After", off.Str("name"));
    }

    [Fact]
    public async Task Console_clients_default_to_scopes_the_server_can_fill()
    {
        var (browser, _) = await server.SignedInBrowserAsync();
        var created = await (await browser.PostJsonAsync("/api/user/oauth-clients", new { name = "Defaults", redirectUris = new[] { "https://d.example.com/cb" } })).OkJsonAsync();
        var scopes = created.GetProperty("client").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Equal(["openid", "profile", "email", "offline_access"], scopes);
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"redirectUris\":[\"http://evil.example.com/cb\"]}", "redirectUris")]
    [InlineData("{\"name\":\"x\",\"grantTypes\":[\"client_credentials\"],\"tokenEndpointAuthMethod\":\"none\"}", "tokenEndpointAuthMethod")]
    [InlineData("{\"name\":\"x\",\"redirectUris\":[\"https://ok.example.com/cb\"],\"clientUri\":\"ftp://x\"}", "clientUri")]
    [InlineData("{\"redirectUris\":[\"https://ok.example.com/cb\"]}", "name")]
    [InlineData("{\"name\":\"x\",\"grantTypes\":[\"authorization_code\"]}", "redirectUris")]
    public async Task Validation_messages_name_fields_as_the_platform_api_spells_them(string body, string field)
    {
        var (browser, _) = await server.SignedInBrowserAsync();
        var error = (await (await browser.PostRawAsync("/api/user/oauth-clients", body)).JsonAsync()).Str("error");
        Assert.Contains(field, error);
        Assert.DoesNotContain("_uri", error);
        Assert.DoesNotContain("client_name", error);
        Assert.DoesNotContain("token_endpoint", error);
    }

    [Fact]
    public async Task A_method_mismatch_names_the_registered_method_without_the_secret()
    {
        var client = await server.CreateClientAsync(authMethod: "client_secret_post", grantTypes: ClientCredentials);
        var basic = await server.TokenAsync(client, ("grant_type", "client_credentials"));
        var body = await basic.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        Assert.Contains("registered for client_secret_post", body);
        Assert.Contains("client_secret_basic", body);
        Assert.DoesNotContain(client.Secret!, body);

        var none = await server.PostFormAsync("/api/oauth/token", null, ("grant_type", "client_credentials"), ("client_id", client.ClientId));
        Assert.Contains("registered for client_secret_post", await none.Content.ReadAsStringAsync());
        // A wrong secret with the right method still says nothing more.
        var wrong = await server.PostFormAsync("/api/oauth/token", null,
            ("grant_type", "client_credentials"), ("client_id", client.ClientId), ("client_secret", "lks_wrong"));
        Assert.Equal("Client authentication failed", (await wrong.JsonAsync()).Str("error_description"));
    }
}
