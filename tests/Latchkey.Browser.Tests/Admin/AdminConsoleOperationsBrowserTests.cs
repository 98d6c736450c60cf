using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Latchkey.Browser.Tests.Pages.PageSteps;

namespace Latchkey.Browser.Tests.Admin;

/// <summary>
/// The console's operations pages in chromium (issue 18): an OAuth client registered in the console completes an
/// authorization-code flow, a webhook created in the console shows its test delivery in its history, a plan and a
/// license are created, granted and suspended, and axe-core finds no serious or critical violation on these pages
/// (send verification included) at desktop and phone width.
/// </summary>
public sealed class AdminConsoleOperationsBrowserTests(ConsoleBrowserServer server) : IClassFixture<ConsoleBrowserServer>
{
    private readonly List<string> _violations = [];

    [Fact]
    public async Task A_client_registered_in_the_console_completes_an_authorization_code_flow()
    {
        var redirect = server.Origin + "/rp/callback";
        var (page, context) = await AdminPageAsync();
        await using var _ = context;
        await page.GotoAsync(server.Origin + "/admin/clients");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Console code flow");
        await page.GetByLabel("Redirect URIs, one per line").FillAsync(redirect);
        await page.GetByLabel("First party").CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Register client" }));
        var clientId = await page.Locator("#new-client-id").InnerTextAsync();
        var secret = await page.Locator("#new-client-secret").InnerTextAsync();

        var email = await AccountAsync(server, "code-flow");
        var theirs = await server.Browser.NewContextAsync();
        await using var __ = theirs;
        var their = await theirs.NewPageAsync();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        await their.GotoAsync($"{server.Origin}/api/oauth/authorize?response_type=code&client_id={Uri.EscapeDataString(clientId)}"
            + $"&redirect_uri={Uri.EscapeDataString(redirect)}&scope=openid%20email&state=console&nonce=n1&code_challenge={challenge}&code_challenge_method=S256");
        Assert.Equal("/login", new Uri(their.Url).AbsolutePath);
        var callback = their.WaitForRequestAsync(r => r.Url.StartsWith(redirect + "?", StringComparison.Ordinal));
        await their.GetByLabel("Email").FillAsync(email);
        await their.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await their.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri((await callback).Url).Query);
        Assert.Equal("console", query["state"]);

        using var rp = new HttpClient { BaseAddress = server.Direct };
        using var exchange = new HttpRequestMessage(HttpMethod.Post, "/api/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = query["code"]!, ["redirect_uri"] = redirect, ["code_verifier"] = verifier,
            }),
        };
        exchange.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        var tokens = await rp.SendAsync(exchange);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        var body = await tokens.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        var idToken = body.GetProperty("id_token").GetString()!.Split('.')[1];
        var claims = JsonDocument.Parse(Convert.FromBase64String(idToken.Replace('-', '+').Replace('_', '/').PadRight((idToken.Length + 3) / 4 * 4, '='))).RootElement;
        Assert.Equal(await UserIdAsync(email), claims.GetProperty("sub").GetString());
        Assert.Equal(clientId, claims.GetProperty("aud").GetString());
    }

    [Fact]
    public async Task A_webhook_created_in_the_console_shows_its_test_delivery_in_its_history()
    {
        using var receiver = new LoopbackReceiver();
        var (page, context) = await AdminPageAsync();
        await using var _ = context;
        await CreateWebhookAsync(page, receiver.Url);
        Assert.StartsWith("whsec_", await page.Locator("#webhook-secret").InnerTextAsync());
        await SubmitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Go to the webhook" }));
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Send a test event" }));
        await Assertions.Expect(page.Locator("#test-outcome")).ToContainTextAsync("delivered, HTTP 200");
        Assert.Contains(receiver.Bodies, b => b.Contains("\"webhook.test\"", StringComparison.Ordinal));

        await SubmitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Delivery history" }));
        var row = page.Locator("#deliveries tbody tr").Filter(new() { HasText = "webhook.test" });
        await Assertions.Expect(row.Locator(".delivery-status")).ToHaveTextAsync("delivered");
        await Assertions.Expect(row).ToContainTextAsync("200");
        await page.GetByLabel("Status").SelectOptionAsync("failed");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Filter" }));
        Assert.StartsWith("0 deliveries found", await page.Locator("#result-count").InnerTextAsync());
    }

    [Fact]
    public async Task An_administrator_creates_a_plan_grants_a_license_and_suspends_it()
    {
        var email = await AccountAsync(server, "licensee");
        var userId = await UserIdAsync(email);
        var (page, context) = await AdminPageAsync();
        await using var _ = context;
        var code = await CreatePlanAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Plan created.");

        await GrantAsync(page, userId, code);
        Assert.NotEmpty(await page.Locator("#license-key").InnerTextAsync());
        await SubmitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Go to the license" }));
        Assert.Equal("active", await page.Locator("#license-status").InnerTextAsync());
        await Assertions.Expect(page.Locator("#usage")).ToContainTextAsync("api_calls");

        await page.GetByLabel("Status").SelectOptionAsync("suspended");
        await page.GetByLabel("Yes, change license").CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save" }));
        Assert.Equal("suspended", await page.Locator("#license-status").InnerTextAsync());

        await page.GotoAsync(server.Origin + "/admin/licenses");
        await page.GetByLabel("Account id", new() { Exact = true }).FillAsync(userId);
        await page.GetByLabel("Status").SelectOptionAsync("suspended");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Filter" }));
        Assert.Equal("1 license found, page 1 of 1.", await page.Locator("#result-count").InnerTextAsync());
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task No_webhook_license_or_plan_page_has_a_serious_or_critical_accessibility_violation(int width, int height)
    {
        using var receiver = new LoopbackReceiver();
        var email = await AccountAsync(server, "a11y-ops");
        var userId = await UserIdAsync(email);
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Origin + "/admin");
        await SignInAsync(page, server, BrowserServer.AdminEmail, BrowserServer.AdminPassword);

        await page.GotoAsync(server.Origin + "/admin/webhooks");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }));
        await CheckAsync(page, "webhook form with errors");
        await CreateWebhookAsync(page, receiver.Url);
        await CheckAsync(page, "webhook secret");
        await SubmitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Go to the webhook" }));
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Send a test event" }));
        await CheckAsync(page, "webhook with a test outcome");
        await SubmitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Delivery history" }));
        await CheckAsync(page, "deliveries");
        await page.GotoAsync(page.Url + "?status=lost");
        await CheckAsync(page, "deliveries with an error");
        await page.GotoAsync(server.Origin + "/admin/webhooks");
        await CheckAsync(page, "webhooks");

        await page.GotoAsync(server.Origin + "/admin/plans");
        await page.GetByLabel("Code (a-z, 0-9, _ and -)").FillAsync("Not A Code");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create plan" }));
        await CheckAsync(page, "plan form with errors");
        var code = await CreatePlanAsync(page);
        await CheckAsync(page, "plan");
        await page.GotoAsync(server.Origin + "/admin/plans");
        await CheckAsync(page, "plans");
        await GrantAsync(page, userId, code);
        await CheckAsync(page, "license key");
        await SubmitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Go to the license" }));
        await CheckAsync(page, "license");
        await page.GetByLabel("Ends on").FillAsync("someday");
        await page.GetByLabel("Yes, change license").CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save" }));
        await CheckAsync(page, "license change with an error");
        await page.GotoAsync(server.Origin + "/admin/licenses");
        await CheckAsync(page, "licenses");
        await page.GotoAsync(server.Origin + "/admin/licenses?status=sleeping");
        await CheckAsync(page, "licenses with an error");
        await page.GotoAsync($"{server.Origin}/admin/users/{userId}/send-verification");
        await CheckAsync(page, "send verification");

        Assert.True(_violations.Count == 0, $"At {width} px:\n" + string.Join("\n", _violations));
    }

    private async Task<(IPage Page, IBrowserContext Context)> AdminPageAsync()
    {
        var context = await server.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Origin + "/admin");
        await SignInAsync(page, server, BrowserServer.AdminEmail, BrowserServer.AdminPassword);
        Assert.Equal(server.Origin + "/admin", page.Url);
        return (page, context);
    }

    /// <summary>Adds a webhook for an event no test raises (so only its test event reaches the receiver); ends on the secret page.</summary>
    private async Task CreateWebhookAsync(IPage page, string url)
    {
        await page.GotoAsync(server.Origin + "/admin/webhooks");
        await page.GetByLabel("Receiver URL").FillAsync(url);
        await page.GetByLabel("2fa.enabled", new() { Exact = true }).CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }));
    }

    /// <summary>Creates a metered plan on the plans page; ends on the new plan's page. Returns its code.</summary>
    private async Task<string> CreatePlanAsync(IPage page)
    {
        var code = $"plan-{Guid.NewGuid():N}"[..16];
        await page.GotoAsync(server.Origin + "/admin/plans");
        await page.GetByLabel("Code (a-z, 0-9, _ and -)").FillAsync(code);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser plan");
        await page.GetByLabel("Entitlements, one per line").FillAsync("api_calls 1000 month\nexport");
        await page.GetByLabel("Days a license runs").FillAsync("30");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create plan" }));
        return code;
    }

    /// <summary>Grants the plan to the account on the licenses page; ends on the page showing the key once.</summary>
    private async Task GrantAsync(IPage page, string userId, string code)
    {
        await page.GotoAsync(server.Origin + "/admin/licenses");
        await page.GetByLabel("Account id of the holder").FillAsync(userId);
        await page.GetByLabel("Plan", new() { Exact = true }).SelectOptionAsync(code);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Grant license" }));
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Direct };
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/auth/login", new { email = BrowserServer.AdminEmail, password = BrowserServer.AdminPassword })).StatusCode);
        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users?search={Uri.EscapeDataString(email)}");
        return found.GetProperty("users")[0].GetProperty("id").GetString()!;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private Task CheckAsync(IPage page, string name) => AxeAsync(page, name, _violations);
}
