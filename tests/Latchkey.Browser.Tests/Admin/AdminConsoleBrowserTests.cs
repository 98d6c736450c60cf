using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Latchkey.Browser.Tests.Pages.PageSteps;

namespace Latchkey.Browser.Tests.Admin;

/// <summary>
/// The admin console as an operator walks it in chromium (issue 18): find one account among many, lock it and see
/// its sign-in refused, impersonate another and stop, a moderator refused what it may not use, and axe-core on
/// every console page at desktop and phone width.
/// </summary>
public sealed class AdminConsoleBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private readonly List<string> _violations = [];

    [Fact]
    public async Task An_administrator_finds_a_user_among_many_locks_them_and_their_sign_in_is_refused()
    {
        var prefix = $"many-{Guid.NewGuid():N}"[..16];
        var emails = new List<string>();
        using (var api = new HttpClient { BaseAddress = server.Direct })
            for (var i = 0; i < 30; i++)
            {
                var email = $"{prefix}-{i:00}@example.com";
                Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/auth/register", new { email, password = Password })).StatusCode);
                emails.Add(email);
            }
        var target = emails[17];

        var context = await server.Browser.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Origin + "/admin/users");
        Assert.StartsWith(server.Origin + "/login?return_url=", page.Url, StringComparison.Ordinal);
        await SignInAsync(page, server, BrowserServer.AdminEmail, BrowserServer.AdminPassword);
        Assert.Equal(server.Origin + "/admin/users", page.Url);

        await page.GetByLabel("Email, username or name starts with").FillAsync(prefix);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Find" }));
        Assert.Equal("30 accounts found, page 1 of 2.", await page.Locator("#result-count").InnerTextAsync());
        await page.GetByLabel("Email, username or name starts with").FillAsync(target);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Find" }));
        await SubmitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = target }));
        Assert.NotEqual("locked", await page.Locator("#user-status").InnerTextAsync());

        await SubmitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Lock", Exact = true }));
        await page.GetByLabel($"Yes, lock {target}").CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }));
        Assert.Equal("locked", await page.Locator("#user-status").InnerTextAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Lock: done.");

        var theirs = await server.Browser.NewContextAsync();
        await using var __ = theirs;
        var their = await theirs.NewPageAsync();
        await SignInAsync(their, server, target, Password);
        Assert.StartsWith(server.Origin + "/login", their.Url, StringComparison.Ordinal);
        await Assertions.Expect(their.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");
    }

    [Fact]
    public async Task An_administrator_impersonates_a_user_sees_the_banner_and_stops()
    {
        var email = await AccountAsync(server, "impersonated");
        var context = await server.Browser.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await AdminSignInAsync(page);
        await OpenUserAsync(page, email);

        await SubmitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Impersonate" }));
        await page.GetByLabel("Why you act as this user").FillAsync("Support ticket 1234");
        await page.GetByLabel($"Yes, impersonate {email}").CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Impersonate" }));
        Assert.Equal(email, await page.Locator("#impersonated-email").InnerTextAsync());
        await page.GotoAsync(server.Origin + "/login?done=1");
        Assert.Equal(email, await page.Locator("#signed-in-as").InnerTextAsync());

        await page.GotoAsync(server.Origin + "/admin/users");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Stop impersonating" }));
        Assert.Equal(email, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        await page.GotoAsync(server.Origin + "/login?done=1");
        Assert.Equal(BrowserServer.AdminEmail, await page.Locator("#signed-in-as").InnerTextAsync());
    }

    [Fact]
    public async Task A_moderator_sees_only_its_sections_and_is_refused_the_rest()
    {
        var moderator = await AccountAsync(server, "moderator");
        var target = await AccountAsync(server, "target");
        await SetRoleAsync(moderator, "moderator");
        var context = await server.Browser.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await SignInAsync(page, server, moderator, Password);
        await page.GotoAsync(server.Origin + "/admin");
        Assert.Equal(["Dashboard", "Users", "Activity", "Sessions"], await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link).AllInnerTextsAsync());
        Assert.Equal(0, await page.Locator("#stats").CountAsync());

        var userUrl = await OpenUserAsync(page, target);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Delete" }).CountAsync());
        var refused = await page.GotoAsync(userUrl + "/delete");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("users:delete");
    }

    [Fact]
    public async Task An_administrator_changes_the_branding_and_the_sign_in_page_follows()
    {
        var context = await server.Browser.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await AdminSignInAsync(page);
        await page.GotoAsync(server.Origin + "/admin/settings");
        await page.GetByLabel("Product name").FillAsync("Harbor Identity");
        await page.GetByLabel("Accent colour").FillAsync("#1d4ed8");
        await page.GetByLabel("Yes, put these settings in force now").CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Settings saved");
        Assert.Equal("Sign in to Harbor Identity", await page.Locator("#preview-product").TextContentAsync());
        Assert.Equal("#1d4ed8", await page.Locator("#preview-button").GetAttributeAsync("fill"));

        var visitor = await server.Browser.NewContextAsync();
        await using var __ = visitor;
        var login = await visitor.NewPageAsync();
        await login.GotoAsync(server.Origin + "/login");
        Assert.EndsWith("Harbor Identity", await login.TitleAsync(), StringComparison.Ordinal);
        var button = await login.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })
            .EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        Assert.Equal("rgb(29, 78, 216)", button);
    }

    [Fact]
    public async Task An_administrator_registers_an_oauth_client_and_sees_its_secret_once()
    {
        var context = await server.Browser.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await AdminSignInAsync(page);
        await page.GotoAsync(server.Origin + "/admin/clients");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser Console App");
        await page.GetByLabel("Redirect URIs, one per line").FillAsync(server.Origin + "/rp/callback");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Register client" }));
        Assert.NotEmpty(await page.Locator("#new-client-secret").InnerTextAsync());
        var clientId = await page.Locator("#new-client-id").InnerTextAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Go to the client" }));
        Assert.Equal(clientId, await page.Locator("#client-id").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#new-client-secret").CountAsync());
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task No_console_page_has_a_serious_or_critical_accessibility_violation(int width, int height)
    {
        var email = await AccountAsync(server, "a11y-console");
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await AdminSignInAsync(page);
        await CheckAsync(page, "dashboard");
        foreach (var path in new[] { "/admin/activity", "/admin/activity?outcome=maybe", "/admin/sessions", "/admin/roles", "/admin/roles/moderator", "/admin/settings", "/admin/clients", "/admin/keys" })
        {
            await page.GotoAsync(server.Origin + path);
            await CheckAsync(page, path);
        }
        await page.GotoAsync(server.Origin + "/admin/sessions");
        await SubmitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Revoke" }).First);
        await CheckAsync(page, "revoke a session");
        await page.GotoAsync(server.Origin + "/admin/users?status=nonsense");
        await CheckAsync(page, "users with an error");
        await page.GotoAsync(server.Origin + "/admin/users?search=a11y-console");
        await CheckAsync(page, "users");
        var userUrl = await OpenUserAsync(page, email);
        await CheckAsync(page, "user");
        foreach (var action in new[] { "lock", "role", "require-password-reset", "revoke-sessions", "delete", "impersonate" })
        {
            await page.GotoAsync($"{userUrl}/{action}");
            await CheckAsync(page, action);
        }
        await page.GetByLabel("Why you act as this user").FillAsync("Checking the page");
        await page.GetByLabel($"Yes, impersonate {email}").CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Impersonate" }));
        await CheckAsync(page, "impersonating");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Stop impersonating" }));

        var plain = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await using var __ = plain;
        var refused = await plain.NewPageAsync();
        await SignInAsync(refused, server, email, Password);
        await refused.GotoAsync(server.Origin + "/admin");
        await CheckAsync(refused, "forbidden");

        Assert.True(_violations.Count == 0, $"At {width} px:\n" + string.Join("\n", _violations));
    }

    private async Task AdminSignInAsync(IPage page)
    {
        await page.GotoAsync(server.Origin + "/admin");
        await SignInAsync(page, server, BrowserServer.AdminEmail, BrowserServer.AdminPassword);
        Assert.Equal(server.Origin + "/admin", page.Url);
    }

    /// <summary>Finds the account by its address on the user list and opens its page; returns the page's URL.</summary>
    private async Task<string> OpenUserAsync(IPage page, string email)
    {
        await page.GotoAsync(server.Origin + "/admin/users");
        await page.GetByLabel("Email, username or name starts with").FillAsync(email);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Find" }));
        await SubmitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = email }));
        return page.Url;
    }

    private async Task SetRoleAsync(string email, string role)
    {
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Direct };
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/auth/login", new { email = BrowserServer.AdminEmail, password = BrowserServer.AdminPassword })).StatusCode);
        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users?search={Uri.EscapeDataString(email)}");
        var id = found.GetProperty("users")[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { role })).StatusCode);
    }

    private Task CheckAsync(IPage page, string name) => AxeAsync(page, name, _violations);
}
