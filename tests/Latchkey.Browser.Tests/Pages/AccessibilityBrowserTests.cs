using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Latchkey.Browser.Tests.Pages.PageSteps;

namespace Latchkey.Browser.Tests.Pages;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) on every hosted page, at desktop width and at a phone's 375 px: no serious
/// or critical violation anywhere. Pages that need a state (a session, a sent mail, an OAuth request) are reached
/// the way a person reaches them.
/// </summary>
public sealed class AccessibilityBrowserTests(MailBrowserServer server) : IClassFixture<MailBrowserServer>
{
    private readonly List<string> _violations = [];

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task No_hosted_page_has_a_serious_or_critical_accessibility_violation(int width, int height)
    {
        var email = await AccountAsync(server, "a11y");
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await using var _ = context;
        var page = await context.NewPageAsync();

        foreach (var path in new[]
        {
            "/login", "/login?done=1", "/sign-up", "/forgot-password", "/login/email", "/verify-email/resend",
            "/reset-password?token=spent", "/verify-email?token=x", "/magic-link?token=x", "/verify-email-change?token=x",
            "/oauth/error?error=invalid_client", "/logout?done=1",
        })
            await VisitAsync(page, path);

        await page.GotoAsync(server.Origin + "/sign-up");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("password");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create account" }));
        await CheckAsync(page, "sign-up with an error");

        await page.GotoAsync(server.Origin + "/forgot-password");
        await page.GetByLabel("Email").FillAsync(email);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }));
        await CheckAsync(page, "check your email");

        await page.GotoAsync(server.Origin + "/login/email");
        await page.GetByLabel("Email").FillAsync(email);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Email me a code" }));
        await CheckAsync(page, "email code");

        await page.GotoAsync(server.Origin + "/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("wrong-password");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }));
        await CheckAsync(page, "sign-in with an error");

        await SignInAsync(page, server, email, Password);
        foreach (var path in new[] { "/login?done=1", "/device", "/device?user_code=WRONG-CODE", "/logout" })
            await VisitAsync(page, path);
        await VisitAsync(page, await ConsentRequestAsync());

        Assert.True(_violations.Count == 0, $"At {width} px:\n" + string.Join("\n", _violations));
    }

    private async Task VisitAsync(IPage page, string path)
    {
        await page.GotoAsync(path.StartsWith("http", StringComparison.Ordinal) ? path : server.Origin + path);
        await CheckAsync(page, path);
    }

    private Task CheckAsync(IPage page, string name) => AxeAsync(page, name, _violations);

    /// <summary>A third-party client's authorize request, which the signed-in browser meets as the consent page.</summary>
    private async Task<string> ConsentRequestAsync()
    {
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Direct };
        var login = await admin.PostAsJsonAsync("/api/auth/login", new { email = BrowserServer.AdminEmail, password = BrowserServer.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var redirect = server.Origin + "/rp/callback";
        var created = await admin.PostAsJsonAsync("/api/admin/oauth-clients", new
        {
            name = "Third Party App", redirectUris = new[] { redirect }, grantTypes = new[] { "authorization_code" },
            tokenEndpointAuthMethod = "none", firstParty = false,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var clientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client").GetProperty("clientId").GetString();
        return $"{server.Origin}/api/oauth/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirect)}"
            + "&scope=openid%20email%20profile&state=s&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
    }
}
