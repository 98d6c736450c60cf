using System.Net;
using System.Text;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Latchkey.Api.Tests.Pages.PageForms;

namespace Latchkey.Api.Tests.Pages;

/// <summary>
/// The hosted pages of the emailed flows over HTTP (issue 17), on both databases: every emailed link lands on a
/// served page, a spent link says so with a way on, and malformed input on any page form is an HTML 4xx page.
/// </summary>
public sealed class HostedFlowPagesTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private const string Spent = "This link has expired or has already been used.";

    public static TheoryData<string> LandingPages => ["/verify-email", "/magic-link", "/verify-email-change"];

    public static TheoryData<string> PageForms =>
    [
        "/login", "/login/second-factor", "/sign-up", "/forgot-password", "/reset-password", "/verify-email", "/verify-email/resend",
        "/magic-link", "/login/email", "/login/email-code", "/verify-email-change",
    ];

    [Theory]
    [MemberData(nameof(LandingPages))]
    public async Task A_landing_page_waits_for_the_button_and_a_spent_link_says_so(string path)
    {
        var browser = server.CreateClient();
        var (page, html) = await GetAsync(browser, path + "?token=not-a-real-token&type=x");
        AssertPage(page, html, HttpStatusCode.OK, "<button type=\"submit\" id=\"confirm\"");

        var (used, answer) = await SubmitAsync(browser, path + "?token=not-a-real-token", path);
        AssertPage(used, answer, HttpStatusCode.BadRequest, Spent);
    }

    [Fact]
    public async Task The_reset_page_is_served_and_refuses_a_spent_link_before_asking_for_a_password()
    {
        var (page, html) = await GetAsync(server.CreateClient(), "/reset-password?token=not-a-real-token&type=password_reset");
        AssertPage(page, html, HttpStatusCode.BadRequest, Spent);
        Assert.Contains("href=\"/forgot-password\"", html);
    }

    [Fact]
    public async Task A_social_error_shows_our_words_for_its_code_never_the_links_description()
    {
        var (page, html) = await GetAsync(server.CreateClient(), "/login?social=1&error=access_denied&error_description=Call+%2B1+555+0100+to+unlock");
        AssertPage(page, html, HttpStatusCode.Unauthorized, "The sign-in was cancelled at the provider.");
        Assert.DoesNotContain("to unlock", html);

        var (unknown, text) = await GetAsync(server.CreateClient(), "/login?social=1&error=%3Cscript%3E&error_description=Your+account+is+locked");
        AssertPage(unknown, text, HttpStatusCode.Unauthorized, "The sign-in did not complete. Please try again.");
        Assert.DoesNotContain("is locked", text);
    }

    [Theory]
    [MemberData(nameof(PageForms))]
    public async Task Malformed_form_input_on_a_page_is_an_html_4xx(string path)
    {
        var browser = server.CreateClient();
        await AssertRefusedAsync(await browser.PostAsync(path, Form("email=a%00b")), HttpStatusCode.BadRequest);
        await AssertRefusedAsync(await browser.PostAsync(path, Form(new string('k', 3000) + "=v")), HttpStatusCode.BadRequest);
        await AssertRefusedAsync(await browser.PostAsync(path, new StringContent("{\"email\":\"a@b.c\"}", Encoding.UTF8, "application/json")),
            HttpStatusCode.UnsupportedMediaType);
        await AssertRefusedAsync(await browser.PostAsync(path, Form("email=a%40example.com&password=x")), HttpStatusCode.BadRequest);
        await AssertRefusedAsync(await browser.PutAsync(path, Form("email=a")), HttpStatusCode.MethodNotAllowed);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var html = await response.Content.ReadAsStringAsync();
        AssertPage(response, html, status);
        Assert.Contains("role=\"alert\"", html);
        Assert.DoesNotContain("at Latchkey", html);
    }

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    [Fact]
    public async Task Sign_up_on_the_page_mails_a_link_whose_page_verifies_the_address()
    {
        var browser = server.CreateClient();
        var email = Accounts.NewEmail("page-sign-up");
        var (weak, weakHtml) = await SubmitAsync(browser, "/sign-up", "/sign-up", ("email", email), ("password", "password"));
        AssertPage(weak, weakHtml, HttpStatusCode.BadRequest, "most commonly used");

        var (created, createdHtml) = await SubmitAsync(browser, "/sign-up", "/sign-up", ("email", email), ("password", Accounts.Password));
        AssertPage(created, createdHtml, HttpStatusCode.OK, "Check your email");
        var (taken, takenHtml) = await SubmitAsync(browser, "/sign-up", "/sign-up", ("email", email), ("password", Accounts.Password));
        AssertPage(taken, takenHtml, HttpStatusCode.Conflict, "already exists");

        var link = PathOf((await server.OutboxMailAsync(email)).Link);
        Assert.StartsWith("/verify-email?", link);
        var (verified, verifiedHtml) = await SubmitAsync(browser, link, "/verify-email");
        AssertPage(verified, verifiedHtml, HttpStatusCode.OK, "Your email address is verified");
        Assert.True(await server.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailVerified).SingleAsync()));
    }

    [Fact]
    public async Task Forgot_and_reset_on_the_pages_set_a_password_under_the_policy_and_spend_the_link()
    {
        var email = await server.CreateClient().RegisterAsync(Accounts.NewEmail("page-reset"));
        var browser = server.CreateClient();
        var (sent, sentHtml) = await SubmitAsync(browser, "/forgot-password", "/forgot-password", ("email", email));
        AssertPage(sent, sentHtml, HttpStatusCode.OK, "If an account uses this address");
        var (unknown, unknownHtml) = await SubmitAsync(browser, "/forgot-password", "/forgot-password", ("email", Accounts.NewEmail("nobody")));
        Assert.Equal(sentHtml.Length, unknownHtml.Length); // the same answer whether the address has an account
        AssertPage(unknown, unknownHtml, HttpStatusCode.OK);

        var link = PathOf((await server.OutboxMailAsync(email, 2)).Link);
        Assert.StartsWith("/reset-password?", link);
        var (weak, weakHtml) = await SubmitAsync(browser, link, "/reset-password", ("password", "password"));
        AssertPage(weak, weakHtml, HttpStatusCode.BadRequest, "most commonly used");
        const string newPassword = "lantern-Quarry-64-woven-Ember";
        var (reset, resetHtml) = await SubmitAsync(browser, link, "/reset-password", ("password", newPassword));
        AssertPage(reset, resetHtml, HttpStatusCode.OK, "Your password was changed");
        await server.CreateClient().PlatformLoginAsync(email, newPassword);

        var (again, againHtml) = await GetAsync(browser, link);
        AssertPage(again, againHtml, HttpStatusCode.BadRequest, Spent);
    }
}
