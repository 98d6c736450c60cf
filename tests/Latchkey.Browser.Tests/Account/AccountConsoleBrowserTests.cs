using Deque.AxeCore.Playwright;
using Latchkey.Core.Mfa;
using Microsoft.Playwright;
using Xunit;
using static Latchkey.Browser.Tests.Account.ConsoleSteps;
using static Latchkey.Browser.Tests.Pages.PageSteps;

namespace Latchkey.Browser.Tests.Account;

/// <summary>
/// The account console in a real chromium: a person's whole tour (sign in, profile, picture, password, TOTP and a
/// sign-in with it, sessions, an app's consent, an API key, export, deletion), and axe on every console page at
/// desktop and phone width. No script runs on these pages: every step is a plain form.
/// </summary>
public sealed class AccountConsoleBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string NewPassword = "lantern-Quarry-64-woven-Ember";

    [Fact]
    public async Task A_person_manages_their_account_from_sign_in_to_deletion()
    {
        var email = await AccountAsync(server, "console");
        var context = await server.Browser.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();

        // Without a session the console sends the browser to sign in, and back.
        await page.GotoAsync(server.Origin + "/account");
        Assert.StartsWith(server.Origin + "/login?return_url=%2Faccount", page.Url);
        await SignInAsync(page, server, email, Password);
        Assert.Equal(server.Origin + "/account", page.Url);
        Assert.Equal("Profile", await HeadingAsync(page));

        await page.GetByLabel("Display name").FillAsync("Ada L");
        await page.GetByLabel("Website").FillAsync("not a url");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save the profile" }));
        Assert.Contains("website must be", await page.Locator("#website-error").InnerTextAsync());
        Assert.Equal("Ada L", await page.GetByLabel("Display name").InputValueAsync()); // kept as typed
        await page.GetByLabel("Website").FillAsync("https://ada.example");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save the profile" }));
        Assert.Equal("Your profile was saved.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("https://ada.example", await page.GetByLabel("Website").InputValueAsync());

        await page.GetByLabel("New picture").SetInputFilesAsync(new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = Picture() });
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Upload the picture" }));
        Assert.Equal("Your picture was changed.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.True(await page.Locator("img.avatar").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 128"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Password" }).ClickAsync();
        await page.GetByLabel("Current password").FillAsync(Password);
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Change the password" }));
        Assert.StartsWith("Your password was changed.", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor" }).ClickAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Set up authenticator app" }));
        Assert.True(await page.GetByAltText("QR code to add this account to an authenticator app").IsVisibleAsync());
        var key = Base32(await page.Locator("#totp-secret").InnerTextAsync());
        await page.GetByLabel("The code it shows now").FillAsync(Totp.Compute(key, Totp.TimeStep(DateTimeOffset.UtcNow)));
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Turn it on" }));
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "I have saved them" }).ClickAsync();
        Assert.Equal("Two-factor authentication is on.", await page.Locator("#two-factor-status").InnerTextAsync());

        // Another device signs in with the new password and a code, and this one signs it out.
        var other = await server.Browser.NewContextAsync();
        await using var __ = other;
        var otherPage = await other.NewPageAsync();
        await otherPage.GotoAsync(server.Origin + "/login?return_url=%2Faccount%2Fsessions");
        await SignInAsync(otherPage, server, email, NewPassword);
        await otherPage.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Compute(key, Totp.TimeStep(DateTimeOffset.UtcNow) + 1));
        await SubmitAsync(otherPage, otherPage.GetByRole(AriaRole.Button, new() { Name = "Verify" }));
        Assert.Equal(server.Origin + "/account/sessions", otherPage.Url);

        await page.GetByRole(AriaRole.Link, new() { Name = "Sessions" }).ClickAsync();
        Assert.Equal(1, await page.Locator(".this-device").CountAsync());
        await SubmitAsync(page, page.Locator("#sessions button").First);
        Assert.Equal("The session was signed out.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        await otherPage.GotoAsync(server.Origin + "/account");
        Assert.StartsWith(server.Origin + "/login?return_url=", otherPage.Url);

        // An application this person allowed, then took the access back from.
        await page.GotoAsync(await ThirdPartyAuthorizeUrlAsync(server, "Console Test App"));
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Allow" }));
        await GoAsync(page, server, "/account/apps");
        Assert.Contains("Console Test App", await page.Locator("#apps").InnerTextAsync());
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Revoke access of Console Test App" }));
        Assert.Equal("No application has access to your account.", await page.Locator("#no-apps").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("deploy script");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create the key" }));
        Assert.StartsWith("sk_live_", await page.Locator("#new-api-key").InnerTextAsync());
        await GoAsync(page, server, "/account/api-keys");
        Assert.Equal(0, await page.Locator("#new-api-key").CountAsync()); // shown once
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Revoke the key deploy script" }));
        Assert.Equal("You have no API keys.", await page.Locator("#no-keys").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Your data" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download my data" }).ClickAsync());
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("latchkey.account-export/1", exported);
        Assert.Contains("https://ada.example", exported);

        await page.GetByLabel("Your password, to confirm").FillAsync(NewPassword);
        await page.GetByLabel("I understand my account will be deleted for good").CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }));
        Assert.Equal("Your account was deleted", await HeadingAsync(page));
        await page.GotoAsync(server.Origin + "/account");
        Assert.StartsWith(server.Origin + "/login?return_url=", page.Url);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task No_console_page_has_a_serious_or_critical_accessibility_violation(int width, int height)
    {
        var violations = new List<string>();
        var email = await AccountAsync(server, "console-a11y");
        var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Origin + "/login?return_url=%2Faccount");
        await SignInAsync(page, server, email, Password);

        foreach (var path in new[] { "/account", "/account/email", "/account/phone", "/account/password", "/account/two-factor",
                     "/account/passkeys", "/account/sessions", "/account/connections", "/account/apps", "/account/api-keys", "/account/activity", "/account/data" })
        {
            await GoAsync(page, server, path);
            await CheckAsync(page, path, violations);
        }

        await GoAsync(page, server, "/account");
        await page.GetByLabel("Date of birth").FillAsync("2999-01-01");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save the profile" }));
        await CheckAsync(page, "profile with an error", violations);

        await GoAsync(page, server, "/account/api-keys");
        await page.GetByLabel("Name").FillAsync("a11y");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create the key" }));
        await CheckAsync(page, "api key shown once", violations);

        await GoAsync(page, server, "/account/two-factor");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Set up authenticator app" }));
        await CheckAsync(page, "totp enrolment", violations);
        var key = Base32(await page.Locator("#totp-secret").InnerTextAsync());
        await page.GetByLabel("The code it shows now").FillAsync(Totp.Compute(key, Totp.TimeStep(DateTimeOffset.UtcNow)));
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Turn it on" }));
        await CheckAsync(page, "recovery codes", violations);
        await GoAsync(page, server, "/account/two-factor");
        await CheckAsync(page, "two-factor on", violations);

        await GoAsync(page, server, "/account/data");
        await page.GetByLabel("Your password, to confirm").FillAsync("not-my-password-1");
        await page.GetByLabel("I understand my account will be deleted for good").CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }));
        await CheckAsync(page, "deletion with an error", violations);

        Assert.True(violations.Count == 0, $"At {width} px:\n" + string.Join("\n", violations));
    }

    private static async Task CheckAsync(IPage page, string name, List<string> violations)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes); // axe really ran on the page
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            violations.Add($"{name} ({new Uri(page.Url).PathAndQuery}): {violation.Impact} {violation.Id}: {violation.Help} at "
                + string.Join(", ", violation.Nodes.Select(n => n.Html)));
    }
}
