using Microsoft.Playwright;
using Xunit;
using static Latchkey.Browser.Tests.Pages.PageSteps;

namespace Latchkey.Browser.Tests.Account;

/// <summary>
/// A passkey added from the account console in a real chromium with its virtual authenticator (CDP WebAuthn), then
/// used on the hosted sign-in page, renamed and removed; axe on the add step at desktop and phone width.
/// </summary>
public sealed class AccountPasskeyBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task A_passkey_is_added_from_the_console_signs_in_and_is_renamed_and_removed()
    {
        var violations = new List<string>();
        var email = await AccountAsync(server, "console-passkey");
        var context = await server.Browser.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await VirtualAuthenticator.AddAsync(context, page);
        await page.GotoAsync(server.Origin + "/login?return_url=%2Faccount%2Fpasskeys");
        await SignInAsync(page, server, email, Password);
        Assert.Equal(server.Origin + "/account/passkeys", page.Url);

        await page.GetByLabel("Name of the new passkey").FillAsync("Laptop");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }));
        Assert.Equal("Add a passkey", await HeadingAsync(page));
        Assert.False(await page.Locator("#passkey-no-script").IsVisibleAsync()); // the script runs under the page's CSP
        await AxeAsync(page, "passkey add step", violations);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create the passkey" }));
        Assert.Equal("The passkey was added. You can sign in with it now.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Contains("Laptop", await page.Locator("#passkeys").InnerTextAsync());

        // Signed out, the hosted sign-in page's passkey button signs this browser back in with it.
        await context.ClearCookiesAsync();
        await page.GotoAsync(server.Origin + "/login?return_url=%2Faccount%2Fpasskeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.WaitForURLAsync(server.Origin + "/account/passkeys");
        Assert.NotEqual("never", await page.Locator("#passkeys tbody td").Nth(2).InnerTextAsync()); // last used is set

        await page.GetByLabel("New name for the passkey Laptop").FillAsync("Work laptop");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Rename the passkey Laptop" }));
        Assert.Equal("The passkey was renamed.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        await AxeAsync(page, "passkeys list", violations);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Remove the passkey Work laptop" }));
        Assert.Equal("No passkey signs in to your account.", await page.Locator("#no-passkeys").InnerTextAsync());

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Without_javascript_the_add_step_explains_itself_and_adds_nothing()
    {
        var email = await AccountAsync(server, "console-passkey-noscript");
        var context = await server.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Origin + "/login?return_url=%2Faccount%2Fpasskeys");
        await SignInAsync(page, server, email, Password);
        await page.GetByLabel("Name of the new passkey").FillAsync("Laptop");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }));
        Assert.True(await page.Locator("#passkey-no-script").IsVisibleAsync());
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Create the passkey" }).IsVisibleAsync());
    }
}
