using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>Consent for third-party clients (stored, listed, revocable) and the device flow (RFC 8628).</summary>
public sealed class ConsentAndDeviceTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    private static async Task<Uri> ConsentAsync(HttpClient browser, Uri consentPage, string decision)
    {
        var page = await browser.GetAsync(consentPage.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        var fields = OAuthFlows.FormFields(await page.Content.ReadAsStringAsync());
        var answer = await browser.PostFormAsync("/api/oauth/authorize/consent", fields.Append(new("decision", decision)));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }

    [Fact]
    public async Task Third_party_clients_ask_once_and_the_consent_can_be_revoked()
    {
        var client = await server.CreateClientAsync(firstParty: false);
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var url = OAuthFlows.AuthorizeUrl(client, pkce);

        var silent = (await browser.AuthorizeAsync(url + "&prompt=none")).Query();
        Assert.Equal("consent_required", silent["error"]);

        var consent = await browser.AuthorizeAsync(url);
        Assert.StartsWith("/consent?", consent.OriginalString);
        var info = await (await browser.GetAsync($"/api/oauth/client-info?client_id={client.ClientId}&scope=openid%20email")).OkJsonAsync();
        Assert.Equal("Test app", info.Str("client_name"));
        Assert.Equal(2, info.GetProperty("scopes").GetArrayLength());

        var code = (await ConsentAsync(browser, consent, "approve")).Query()["code"];
        await (await server.ExchangeAsync(client, code, pkce)).OkJsonAsync();

        // Remembered: the next request goes straight to a code.
        Assert.NotNull((await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, Pkce.New()))).Query()["code"]);
        var apps = await (await browser.GetAsync("/api/user/authorized-apps")).OkJsonAsync();
        var app = Assert.Single(apps.GetProperty("apps").EnumerateArray());
        Assert.Equal(client.ClientId, app.Str("clientId"));

        Assert.Equal(HttpStatusCode.OK, (await browser.DeleteAsync($"/api/user/authorized-apps/{client.ClientId}")).StatusCode);
        Assert.StartsWith("/consent?", (await browser.AuthorizeAsync(url)).OriginalString);
    }

    [Fact]
    public async Task Denying_consent_sends_access_denied_and_a_forged_form_is_refused()
    {
        var client = await server.CreateClientAsync(firstParty: false);
        var (browser, _) = await server.SignedInBrowserAsync();
        var consent = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, Pkce.New()));
        var denied = (await ConsentAsync(browser, consent, "deny")).Query();
        Assert.Equal("access_denied", denied["error"]);

        var fields = consent.Query().Append(new("decision", "approve"));
        var forged = await browser.PostFormAsync("/api/oauth/authorize/consent", fields);
        Assert.StartsWith("/oauth/error?", forged.Headers.Location!.OriginalString);
    }

    private async Task<System.Text.Json.JsonElement> StartDeviceAsync(TestClient client) =>
        await (await server.PostFormAsync("/api/oauth/device", client, ("scope", "openid profile offline_access"))).OkJsonAsync();

    private Task<HttpResponseMessage> PollAsync(TestClient client, string deviceCode) =>
        server.TokenAsync(client, ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"), ("device_code", deviceCode));

    [Fact]
    public async Task Device_flow_pending_slow_down_approval_and_single_use()
    {
        var client = await server.CreateClientAsync(grantTypes: ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token"]);
        var start = await StartDeviceAsync(client);
        Assert.Equal("http://latchkey.test/device", start.Str("verification_uri"));
        var deviceCode = start.Str("device_code");

        await (await PollAsync(client, deviceCode)).AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "authorization_pending");
        await (await PollAsync(client, deviceCode)).AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "slow_down");

        var (browser, _) = await server.SignedInBrowserAsync();
        var page = await browser.GetAsync("/device?user_code=" + Uri.EscapeDataString(start.Str("user_code").ToLowerInvariant()));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Test app", html);
        var approve = await browser.PostFormAsync("/api/oauth/device/verify", OAuthFlows.FormFields(html).Append(new("decision", "approve")));
        Assert.Equal("/device?result=approved", approve.Headers.Location!.OriginalString);

        server.Clock.Advance(TimeSpan.FromSeconds(20));
        var tokens = await (await PollAsync(client, deviceCode)).OkJsonAsync();
        Assert.NotNull(tokens.Str("id_token"));
        Assert.NotNull(tokens.Str("refresh_token"));
        await (await PollAsync(client, deviceCode)).AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Device_codes_expire_and_denials_are_reported()
    {
        var client = await server.CreateClientAsync(grantTypes: ["urn:ietf:params:oauth:grant-type:device_code"]);
        var expired = await StartDeviceAsync(client);
        server.Clock.Advance(TimeSpan.FromMinutes(11));
        await (await PollAsync(client, expired.Str("device_code"))).AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "expired_token");

        var denied = await StartDeviceAsync(client);
        var (browser, _) = await server.SignedInBrowserAsync();
        var html = await (await browser.GetAsync("/device?user_code=" + denied.Str("user_code"))).Content.ReadAsStringAsync();
        await browser.PostFormAsync("/api/oauth/device/verify", OAuthFlows.FormFields(html).Append(new("decision", "deny")));
        await (await PollAsync(client, denied.Str("device_code"))).AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "access_denied");

        var bad = await browser.GetAsync("/device?user_code=BBBB-BBBB");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
