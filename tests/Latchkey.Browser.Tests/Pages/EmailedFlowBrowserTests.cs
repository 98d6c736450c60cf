using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Xunit;
using static Latchkey.Browser.Tests.Pages.PageSteps;

namespace Latchkey.Browser.Tests.Pages;

/// <summary>
/// Every emailed flow as a person walks it (issue 17): from the sign-in page's link, through the mail the SMTP sink
/// received, to the hosted page the mail's link opens, and on to a session in this browser. No JavaScript is
/// needed on the way except where a test says so.
/// </summary>
public sealed class EmailedFlowBrowserTests(MailBrowserServer server) : IClassFixture<MailBrowserServer>
{
    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(bool javaScript = true)
    {
        var context = await server.Browser.NewContextAsync(new() { JavaScriptEnabled = javaScript });
        return (context, await context.NewPageAsync());
    }

    [Fact]
    public async Task Sign_up_explains_the_password_rules_verifies_the_address_and_signs_in()
    {
        var email = NewEmail("sign-up");
        var (context, page) = await OpenAsync();
        await using var _ = context;
        await page.GotoAsync(server.Origin + "/login");
        Assert.StartsWith("Sign in · " + MailBrowserServer.ProductName, await page.TitleAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.WaitForURLAsync(server.Origin + "/sign-up");

        await page.GetByLabel("Email").FillAsync(email);
        var password = page.GetByLabel("Password", new() { Exact = true });
        await password.PressSequentiallyAsync("abc");
        var rule = page.Locator("#password-rules li[data-rule=min]");
        Assert.Equal("unmet", await rule.GetAttributeAsync("class"));
        Assert.Equal("5 more characters needed.", await page.Locator("#password-rules-status").InnerTextAsync());
        await password.FillAsync("password");
        await password.DispatchEventAsync("input");
        Assert.Equal("met", await rule.GetAttributeAsync("class"));
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create account" }));
        Assert.Contains("most commonly used", await page.Locator("#form-error").InnerTextAsync());

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create account" }));
        Assert.Equal("Check your email", await HeadingAsync(page));

        var mail = await server.LinkMailAsync(email, "/verify-email");
        await OpenLinkAsync(page, server, mail.Link, "/verify-email");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }));
        Assert.Equal("Your email address is verified", await HeadingAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/login?login_hint=", StringComparison.Ordinal));
        Assert.Equal(email, await page.GetByLabel("Email").InputValueAsync());
        await SignInAsync(page, server, email, Password);
        await AssertSignedInAsync(page, server, email);

        // The link is spent: opened again, it says so and offers a new one.
        await page.GotoAsync(mail.Link);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }));
        Assert.Equal("This link has expired or has already been used.", await page.Locator("#message").InnerTextAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Send me a new link" }).IsVisibleAsync());
    }

    [Fact]
    public async Task Forgot_password_mails_a_link_whose_page_sets_a_new_password_without_javascript()
    {
        var email = await AccountAsync(server, "reset");
        const string newPassword = "granite-Willow-71-amber-Comet";
        var (context, page) = await OpenAsync(javaScript: false);
        await using var _ = context;
        await page.GotoAsync(server.Origin + "/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await page.WaitForURLAsync(server.Origin + "/forgot-password");
        await page.GetByLabel("Email").FillAsync(email);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }));
        Assert.Equal("Check your email", await HeadingAsync(page));

        var mail = await server.LinkMailAsync(email, "/reset-password");
        await OpenLinkAsync(page, server, mail.Link, "/reset-password");
        await page.GetByLabel("New password").FillAsync(newPassword);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Set password" }));
        Assert.Equal("Your password was changed", await HeadingAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(server.Origin + "/login");
        await SignInAsync(page, server, email, newPassword);
        await AssertSignedInAsync(page, server, email);

        var reopened = await page.GotoAsync(mail.Link);
        Assert.Equal(400, reopened!.Status);
        Assert.Equal("This reset link cannot be used", await HeadingAsync(page));
    }

    [Fact]
    public async Task A_magic_link_signs_in_on_its_page_and_returns_to_where_the_sign_in_started()
    {
        var email = await AccountAsync(server, "magic");
        var (context, page) = await OpenAsync();
        await using var _ = context;
        await page.GotoAsync(server.Origin + "/login?return_url=" + Uri.EscapeDataString("/login?done=1&from=magic"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with a link or code by email" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }));
        Assert.Equal("Check your email", await HeadingAsync(page));

        var mail = await server.LinkMailAsync(email, "/magic-link");
        await OpenLinkAsync(page, server, mail.Link, "/magic-link");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
        Assert.Equal(server.Origin + "/login?done=1&from=magic", page.Url);
        Assert.Equal(email, await page.Locator("#signed-in-as").InnerTextAsync());
    }

    [Fact]
    public async Task An_emailed_code_signs_in_on_the_code_page()
    {
        var email = await AccountAsync(server, "code");
        var (context, page) = await OpenAsync(javaScript: false);
        await using var _ = context;
        await page.GotoAsync(server.Origin + "/login/email");
        await page.GetByLabel("Email").FillAsync(email);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Email me a code" }));
        await page.GetByLabel("Code").FillAsync("000000");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
        Assert.Contains("invalid", await page.Locator("#code-error").InnerTextAsync());

        var mail = await MailBrowserServer.MailAsync(email, "Your code to sign in");
        await page.GetByLabel("Code").FillAsync(mail.Code);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
        await AssertSignedInAsync(page, server, email);
    }

    [Fact]
    public async Task An_email_change_is_confirmed_on_its_page_and_the_session_shows_the_new_address()
    {
        var email = await AccountAsync(server, "change");
        var newEmail = NewEmail("changed");
        var (context, page) = await OpenAsync();
        await using var _ = context;
        await SignInAsync(page, server, email, Password);
        await AssertSignedInAsync(page, server, email);

        using (var api = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Direct })
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/auth/login", new { email, password = Password })).StatusCode);
            var requested = await api.PostAsJsonAsync("/api/user/email/request-change", new { newEmail, password = Password });
            Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        }

        var mail = await server.LinkMailAsync(newEmail, "/verify-email-change");
        await OpenLinkAsync(page, server, mail.Link, "/verify-email-change");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Confirm the new address" }));
        Assert.Equal($"You now sign in with {newEmail}.", await page.Locator("#message").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(server.Origin + "/login?done=1");
        Assert.Equal(newEmail, await page.Locator("#signed-in-as").InnerTextAsync());
    }
}
