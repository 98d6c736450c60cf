using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>
/// Where the hosted sign-in sends the browser afterwards: only paths on this site, judged as a browser reads
/// them (browsers drop tabs and newlines and read <c>\</c> as <c>/</c>), and never a 500 for control characters.
/// Also the pages a sign-in without a return URL ends on, and the OAuth error page's own texts.
/// </summary>
public sealed class HostedReturnUrlTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    private const string SignedIn = "/login?done=1";

    public static TheoryData<string> Foreign() =>
    [
        "/\t/evil.test", "/\t\\evil.test", "/\\evil.test", "//evil.test", "/\n/evil.test", "/\r\n/evil.test",
        "/x\r\nSet-Cookie: a=b", " //evil.test", "https://evil.test/", "javascript:alert(1)",
        "/\u00a0/evil.test", "/\u3000/evil.test", "\t//evil.test", "/%09/x\\y", "",
    ];

    private async Task<(HttpClient Browser, string Email, Dictionary<string, string> Fields)> AtSignInAsync()
    {
        var (_, email) = await server.SignedInAsync();
        var browser = server.CreateClient();
        var page = await browser.GetAsync("/login?return_url=%2F%09%2Fevil.test");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (browser, email, OAuthFlows.FormFields(await page.Content.ReadAsStringAsync()));
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string email, Dictionary<string, string> fields, string returnUrl) =>
        browser.PostFormAsync("/login", fields.Where(f => f.Key != "return_url")
            .Append(new("return_url", returnUrl)).Append(new("email", email)).Append(new("password", Accounts.Password)));

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task A_return_url_a_browser_would_read_as_another_site_ends_on_the_signed_in_page(string returnUrl)
    {
        var (browser, email, fields) = await AtSignInAsync();
        var response = await SubmitAsync(browser, email, fields, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SignedIn, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task The_continue_step_of_the_page_script_applies_the_same_rule(string returnUrl)
    {
        var response = await server.CreateClient().GetAsync("/login/continue?to=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SignedIn, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_return_url_with_a_control_character_on_the_page_renders_without_error()
    {
        var page = await server.CreateClient().GetAsync("/login?return_url=%2F%0D%0ASet-Cookie%3A%20a%3Db");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"data-return-url=\"{SignedIn}\"", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_local_return_url_is_followed()
    {
        var (browser, email, fields) = await AtSignInAsync();
        const string local = "/api/oauth/authorize?client_id=x&state=a%2Fb";
        var response = await SubmitAsync(browser, email, fields, local);
        Assert.Equal(local, response.Headers.Location!.OriginalString);
        Assert.Equal(local, (await server.CreateClient().GetAsync("/login/continue?to=" + Uri.EscapeDataString(local))).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_signed_in_page_names_the_account_and_offers_to_sign_out()
    {
        var (browser, email) = await server.SignedInBrowserAsync();
        var html = await (await browser.GetAsync(SignedIn)).Content.ReadAsStringAsync();
        Assert.Contains(email, html);
        Assert.Contains("action=\"/api/oauth/end-session\"", html);
        var signOut = await browser.PostFormAsync("/api/oauth/end-session", OAuthFlows.FormFields(html));
        Assert.Equal("/logout?done=1", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);

        var anonymous = await (await server.CreateClient().GetAsync(SignedIn)).Content.ReadAsStringAsync();
        Assert.Contains("You are not signed in", anonymous);
        Assert.DoesNotContain(email, anonymous);
    }

    [Fact]
    public async Task The_error_page_shows_its_own_text_for_the_code_and_nothing_from_the_url()
    {
        var known = await server.CreateClient().GetAsync("/oauth/error?error=access_denied&error_description=Call%20%2B1-555-0100%20for%20support");
        Assert.Equal(HttpStatusCode.BadRequest, known.StatusCode);
        var html = await known.Content.ReadAsStringAsync();
        Assert.Contains("The sign-in was cancelled or refused.", html);
        Assert.DoesNotContain("555-0100", html);

        var unknown = await (await server.CreateClient().GetAsync("/oauth/error?error=Your%20account%20is%20suspended")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("suspended", unknown);
        Assert.Contains("<code>invalid_request</code>", unknown);
    }
}
