using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>Custom scopes and RFC 8707 resource indicators: audience-restricted tokens at every grant, and invalid_target.</summary>
public sealed class ResourceIndicatorTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    private const string Issuer = "http://latchkey.test";

    private async Task<TestClient> ClientAsync(string[] scopes, string[]? grantTypes = null, bool firstParty = true) =>
        await server.CreateClientAsync(firstParty: firstParty, grantTypes: grantTypes ?? ["authorization_code", "refresh_token", "client_credentials"],
            extra: new { scopes });

    [Fact]
    public async Task Clients_may_be_allowed_custom_scopes_only_of_existing_resources()
    {
        var (_, read, _) = await server.CreateApiResourceAsync();
        var admin = await server.AdminAsync();
        var unknown = await admin.PostJsonAsync("/api/admin/oauth-clients",
            new { name = "x", redirectUris = new[] { OAuthFlows.RedirectUri }, scopes = new[] { "openid", "nope:read" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("nope:read", (await unknown.JsonAsync()).Str("error"));
        await ClientAsync(["openid", read]);
    }

    [Fact]
    public async Task Client_credentials_tokens_are_for_the_resource_asked_for()
    {
        var (identifier, read, write) = await server.CreateApiResourceAsync();
        var (other, otherRead, _) = await server.CreateApiResourceAsync();
        var client = await ClientAsync(["profile", read, write, otherRead], ["client_credentials"]);

        var byScope = await (await server.TokenAsync(client, ("grant_type", "client_credentials"), ("scope", read))).OkJsonAsync();
        Assert.Equal(identifier, byScope.Audience());
        Assert.Equal(read, byScope.Str("scope"));

        // A resource without scopes grants the resource's scopes the client may use.
        var byResource = await (await server.TokenAsync(client, ("grant_type", "client_credentials"), ("resource", identifier))).OkJsonAsync();
        Assert.Equal(identifier, byResource.Audience());
        Assert.Equal($"{read} {write}", byResource.Str("scope"));

        var plain = await (await server.TokenAsync(client, ("grant_type", "client_credentials"), ("scope", "profile"))).OkJsonAsync();
        Assert.Equal(Issuer, plain.Audience());

        var introspected = await (await server.PostFormAsync("/api/oauth/introspect", client, ("token", byScope.Str("access_token")))).OkJsonAsync();
        Assert.True(introspected.GetProperty("active").GetBoolean());
        Assert.Equal(identifier, introspected.Str("aud"));
        Assert.Equal(Issuer, (await (await server.PostFormAsync("/api/oauth/introspect", client, ("token", plain.Str("access_token")))).OkJsonAsync()).Str("aud"));

        await (await server.TokenAsync(client, ("grant_type", "client_credentials"), ("resource", "https://unknown.example.com")))
            .AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_target");
        await (await server.TokenAsync(client, ("grant_type", "client_credentials"), ("resource", "not-a-uri")))
            .AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_target");
        await (await server.TokenAsync(client, ("grant_type", "client_credentials"), ("scope", otherRead), ("resource", identifier)))
            .AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_target");
        await (await server.TokenAsync(client, ("grant_type", "client_credentials"), ("scope", $"{read} {otherRead}")))
            .AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_target");
        Assert.Equal(other, (await (await server.TokenAsync(client, ("grant_type", "client_credentials"), ("scope", otherRead))).OkJsonAsync()).Audience());
    }

    [Fact]
    public async Task Authorization_code_and_refresh_tokens_carry_the_resource_audience()
    {
        var (identifier, read, _) = await server.CreateApiResourceAsync();
        var (other, _, _) = await server.CreateApiResourceAsync();
        var client = await ClientAsync(["openid", "profile", "offline_access", read]);
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var location = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, pkce, $"openid offline_access {read}",
            extra: "resource=" + Uri.EscapeDataString(identifier)));
        var tokens = await (await server.TokenAsync(client, ("grant_type", "authorization_code"), ("code", location.Query()["code"]),
            ("redirect_uri", client.RedirectUri), ("code_verifier", pkce.Verifier), ("resource", identifier))).OkJsonAsync();
        Assert.Equal(identifier, tokens.Audience());
        Assert.Contains(read, tokens.Str("scope"));
        Assert.True(tokens.TryGetProperty("id_token", out _));

        var refreshed = await (await server.TokenAsync(client, ("grant_type", "refresh_token"), ("refresh_token", tokens.Str("refresh_token")),
            ("resource", identifier))).OkJsonAsync();
        Assert.Equal(identifier, refreshed.Audience());
        // Narrowed to the standard scopes, the token is for this server again.
        var narrowed = await (await server.TokenAsync(client, ("grant_type", "refresh_token"), ("refresh_token", refreshed.Str("refresh_token")),
            ("scope", "openid"))).OkJsonAsync();
        Assert.Equal(Issuer, narrowed.Audience());
        await (await server.TokenAsync(client, ("grant_type", "refresh_token"), ("refresh_token", narrowed.Str("refresh_token")), ("resource", other)))
            .AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_target");
    }

    [Fact]
    public async Task Authorize_sends_invalid_target_to_the_client()
    {
        var (identifier, read, _) = await server.CreateApiResourceAsync();
        var (_, otherRead, _) = await server.CreateApiResourceAsync();
        var client = await ClientAsync(["openid", read, otherRead]);
        var (browser, _) = await server.SignedInBrowserAsync();
        var unknown = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, Pkce.New(), "openid", extra: "resource=https%3A%2F%2Fnope.example.com"));
        Assert.Equal("invalid_target", unknown.Query()["error"]);
        var foreign = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, Pkce.New(), $"openid {otherRead}",
            extra: "resource=" + Uri.EscapeDataString(identifier)));
        Assert.Equal("invalid_target", foreign.Query()["error"]);
        Assert.StartsWith(client.RedirectUri, foreign.ToString());
    }

    [Fact]
    public async Task The_device_flow_checks_the_resource()
    {
        var (identifier, read, _) = await server.CreateApiResourceAsync();
        var client = await ClientAsync(["openid", read], ["urn:ietf:params:oauth:grant-type:device_code"]);
        await (await server.PostFormAsync("/api/oauth/device", client, ("scope", read), ("resource", identifier))).OkJsonAsync();
        await (await server.PostFormAsync("/api/oauth/device", client, ("scope", "openid"), ("resource", "https://nope.example.com")))
            .AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_target");
    }

    [Fact]
    public async Task The_consent_page_names_the_api_and_its_scopes_html_encoded()
    {
        var (identifier, read, _) = await server.CreateApiResourceAsync("Read <b>your</b> orders & invoices");
        var client = await ClientAsync(["openid", read], firstParty: false);
        var (browser, _) = await server.SignedInBrowserAsync();
        var consent = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, Pkce.New(), $"openid {read}"));
        Assert.StartsWith("/consent?", consent.OriginalString);
        var html = await (await browser.GetAsync(consent.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("Orders API", html);
        Assert.Contains(identifier, html);
        Assert.Contains("Read &lt;b&gt;your&lt;/b&gt; orders &amp; invoices", html);
        Assert.DoesNotContain("<b>your</b>", html);
        // The JSON a custom consent screen reads describes the custom scope the same way.
        var info = await (await browser.GetAsync($"/api/oauth/client-info?client_id={client.ClientId}&scope={Uri.EscapeDataString($"openid {read}")}")).OkJsonAsync();
        Assert.Equal("Read <b>your</b> orders & invoices", info.GetProperty("scopes")[1].Str("description"));
    }

    [Fact]
    public async Task Discovery_lists_the_custom_scopes()
    {
        var (_, read, write) = await server.CreateApiResourceAsync();
        // The admin change dropped this node's catalog, so discovery reads the new resource at once.
        var doc = await (await server.CreateClient().GetAsync("/.well-known/openid-configuration")).OkJsonAsync();
        var scopes = doc.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("openid", scopes);
        Assert.Contains(read, scopes);
        Assert.Contains(write, scopes);
    }
}
