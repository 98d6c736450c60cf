using System.Net;
using System.Net.Http.Json;
using Latchkey.Api.Tests.Social;
using Microsoft.Playwright;
using Xunit;

namespace Latchkey.Browser.Tests;

/// <summary>
/// The hosted sign-in page as a browser runs it (issue 22, items 1 and 3): a return URL that a browser would
/// read as another site never takes it off this one, and every button the page shows goes where it should.
/// A foreign site is answered locally, so an escape would be seen as a navigation there, not a network error.
/// </summary>
public sealed class SignInPageBrowserTests(SocialBrowserServer server) : IClassFixture<SocialBrowserServer>
{
    private const string Password = "velvet-Harbor-92-quiet-Lantern";

    private async Task<string> AccountAsync()
    {
        var email = $"page-{Guid.NewGuid():N}@example.com";
        using var api = new HttpClient { BaseAddress = server.Direct };
        var registered = await api.PostAsJsonAsync("/api/auth/register", new { email, password = Password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return email;
    }

    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync()
    {
        var context = await server.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteAsync(url => new Uri(url).Host == "evil.test",
            route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<title>evil</title>" }));
        return (context, page);
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.test")]       // "/<TAB>/evil.test": browsers drop the tab
    [InlineData("%2F%09%5Cevil.test")]       // "/<TAB>\evil.test": and read "\" as "/"
    [InlineData("%2F%5Cevil.test")]
    [InlineData("%2F%0A%2Fevil.test")]
    [InlineData("%2F%0D%0A%2Fevil.test")]
    [InlineData("%20%2F%2Fevil.test")]
    [InlineData("%2F%2Fevil.test")]
    [InlineData("https%3A%2F%2Fevil.test%2F")]
    public async Task Submitting_the_form_with_a_foreign_return_url_stays_on_the_site(string returnUrl)
    {
        var email = await AccountAsync();
        var (context, page) = await OpenAsync();
        await using var _ = context;
        await page.GotoAsync($"{server.Origin}/login?return_url={returnUrl}");

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        // The wait is tied to the click (not a URL poll begun after it), so a slow answer on a loaded machine
        // is waited for as one navigation: the POST, its redirect and the signed-in page.
#pragma warning disable CS0612
        await page.RunAndWaitForNavigationAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(),
            new() { UrlFunc = url => !url.StartsWith(server.Origin + "/login", StringComparison.Ordinal) || url.Contains("done=1", StringComparison.Ordinal),
                    WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
#pragma warning restore CS0612

        Assert.Equal(server.Origin + "/login?done=1", page.Url);
        Assert.Equal(email, await page.Locator("#signed-in-as").InnerTextAsync());
    }

    [Fact]
    public async Task Every_button_on_the_sign_in_page_goes_where_it_should()
    {
        var (context, page) = await OpenAsync();
        await using (context)
        {
            await page.GotoAsync($"{server.Origin}/login");
            var alternatives = page.Locator("#alternatives");
            await alternatives.WaitForAsync(new() { State = WaitForSelectorState.Visible });
            var names = await page.GetByRole(AriaRole.Button).AllInnerTextsAsync();
            // The password form's submit, the passkey button (covered by HostedSignInBrowserTests) and one per provider.
            Assert.Equal(["Sign in", "Sign in with a passkey"], names.Take(2));
            Assert.Equal(["Continue with Corp", "Continue with Google"], names.Skip(2).Order());
        }

        foreach (var provider in SocialBrowserServer.Providers)
            await SocialButtonSignsInAsync(provider);
    }

    /// <summary>Clicks the provider's button: the upstream's authorization endpoint, then back here signed in, at the return URL.</summary>
    private async Task SocialButtonSignsInAsync(string provider)
    {
        var user = UpstreamUser.New();
        var (context, page) = await OpenAsync();
        await using var _ = context;
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "upstream_user", Value = user.ToCookie(), Url = server.Oidc.Issuer.ToString() }]);
        var returnUrl = $"/login?done=1&via={provider}";
        await page.GotoAsync($"{server.Origin}/login?return_url={Uri.EscapeDataString(returnUrl)}");
        var upstream = page.WaitForRequestAsync(r => r.IsNavigationRequest && r.Url.StartsWith(server.Oidc.Issuer + "auth", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = $"Continue with {char.ToUpperInvariant(provider[0])}{provider[1..]}" }).ClickAsync();

        var authorize = new Uri((await upstream).Url);
        Assert.Contains("code_challenge=", authorize.Query);
        await page.WaitForURLAsync(server.Origin + returnUrl);
        Assert.Equal(user.Email, await page.Locator("#signed-in-as").InnerTextAsync());
    }
}
