using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Latchkey.Core.Mfa;
using Microsoft.Playwright;
using Xunit;

namespace Latchkey.Browser.Tests;

/// <summary>
/// The hosted sign-in page in a real browser during an OAuth authorize request: passkey sign-in through the
/// page's script, and the second-factor step of a TOTP account. The client's redirect URI does not resolve:
/// the test reads the authorization code from the browser's request to it.
/// </summary>
public sealed class HostedSignInBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    // The client's redirect URI is a path of the test server itself: the browser follows the authorize
    // endpoint's 302 there and loads a real (404) page. Playwright's routes do not intercept redirect targets,
    // so an unresolvable host here left a failed navigation racing the test's next one.
    private string RedirectUri => server.Origin + "/rp/callback";

    private async Task<HttpClient> AdminAsync()
    {
        var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Direct };
        var login = await admin.PostAsJsonAsync("/api/auth/login", new { email = BrowserServer.AdminEmail, password = BrowserServer.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return admin;
    }

    /// <summary>A first-party public client (PKCE only), so no consent step and no secret in the test.</summary>
    private async Task<string> CreateClientAsync()
    {
        using var admin = await AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/admin/oauth-clients", new
        {
            name = "Browser RP", redirectUris = new[] { RedirectUri }, grantTypes = new[] { "authorization_code" },
            tokenEndpointAuthMethod = "none", firstParty = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client").GetProperty("clientId").GetString()!;
    }

    /// <summary>Opens the authorize request; the browser lands on the hosted sign-in page.</summary>
    private async Task<(string ClientId, string Verifier, Task<IRequest> Callback)> StartAuthorizeAsync(PasskeyPage page)
    {
        var clientId = await CreateClientAsync();
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await page.Page.GotoAsync($"{server.Origin}/api/oauth/authorize?response_type=code&client_id={clientId}"
            + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope=openid%20email&state=browser&nonce=n1"
            + $"&code_challenge={challenge}&code_challenge_method=S256");
        Assert.Equal("/login", new Uri(page.Page.Url).AbsolutePath);
        var callback = page.Page.WaitForRequestAsync(request => request.Url.StartsWith(RedirectUri + "?", StringComparison.Ordinal));
        return (clientId, verifier, callback);
    }

    /// <summary>Waits for the redirect to the client, then redeems the code: the id token names the account.</summary>
    private async Task<JsonElement> FinishAsync(Task<IRequest> callback, string clientId, string verifier)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri((await callback).Url).Query);
        Assert.Equal("browser", query["state"]);
        using var rp = new HttpClient { BaseAddress = server.Direct };
        var tokens = await rp.PostAsync("/api/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = query["code"]!, ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier, ["client_id"] = clientId,
        }));
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        return await tokens.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Passkey_sign_in_on_the_hosted_page_finishes_the_authorize_request()
    {
        await using var page = await PasskeyPage.OpenAsync(server);
        await page.AccountWithPasskeyAsync();
        var (clientId, verifier, callback) = await StartAuthorizeAsync(page);

        var button = page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" });
        await button.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await button.ClickAsync();

        var tokens = await FinishAsync(callback, clientId, verifier);
        Assert.True(tokens.TryGetProperty("id_token", out _));
        await page.Page.WaitForURLAsync(url => url.StartsWith(RedirectUri, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.Page.GotoAsync(server.Origin + "/passkey-test.html"); // back to the page with the API helper
        var sessions = await page.CallApiAsync("/api/user/sessions");
        Assert.Contains(sessions.GetProperty("body").GetProperty("sessions").EnumerateArray(),
            s => s.GetProperty("authMethod").GetString() == "passkey" && s.GetProperty("isCurrent").GetBoolean());
    }

    [Fact]
    public async Task A_totp_account_signs_in_with_password_and_code_on_the_hosted_page()
    {
        await using var page = await PasskeyPage.OpenAsync(server);
        var (email, key) = await AccountWithTotpAsync(page);
        var (clientId, verifier, callback) = await StartAuthorizeAsync(page);

        await page.Page.GetByLabel("Email").FillAsync(email);
        await page.Page.GetByLabel("Password").FillAsync(PasskeyPage.Password);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        var code = page.Page.GetByLabel("Code", new() { Exact = true });
        await code.WaitForAsync();
        Assert.Equal("one-time-code", await code.GetAttributeAsync("autocomplete"));
        await code.FillAsync("000000");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        Assert.Contains("Invalid", await page.Page.GetByRole(AriaRole.Alert).InnerTextAsync());

        // The enrollment used the current time step; the next one is within the accepted drift.
        await page.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Compute(key, Totp.TimeStep(DateTimeOffset.UtcNow) + 1));
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        Assert.True((await FinishAsync(callback, clientId, verifier)).TryGetProperty("id_token", out _));
    }

    /// <summary>A new account with TOTP enabled through the API, signed out again; returns its email and TOTP key.</summary>
    private static async Task<(string Email, byte[] Key)> AccountWithTotpAsync(PasskeyPage page)
    {
        var email = $"totp-{Guid.NewGuid():N}@example.com";
        Assert.Equal(201, PasskeyPage.Status(await page.CallApiAsync("/api/auth/register", new { email, password = PasskeyPage.Password })));
        Assert.Equal(200, PasskeyPage.Status(await page.CallApiAsync("/api/auth/login", new { email, password = PasskeyPage.Password })));
        var setup = await page.CallApiAsync("/api/auth/2fa/setup", new { method = "totp" });
        var key = FromBase32(setup.GetProperty("body").GetProperty("secret").GetString()!);
        var confirmed = await page.CallApiAsync("/api/auth/2fa/verify", new { method = "totp", code = Totp.Compute(key, Totp.TimeStep(DateTimeOffset.UtcNow)) });
        Assert.Equal(200, PasskeyPage.Status(confirmed));
        Assert.Equal(200, PasskeyPage.Status(await page.CallApiAsync("/api/auth/logout", new { })));
        return (email, key);
    }

    private static byte[] FromBase32(string text)
    {
        var output = new List<byte>();
        var (acc, count) = (0, 0);
        foreach (var value in text.TrimEnd('=').Select(c => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c)))
        {
            (acc, count) = ((acc << 5) | value, count + 5);
            if (count < 8) continue;
            count -= 8;
            output.Add((byte)(acc >> count));
        }
        return [.. output];
    }
}
