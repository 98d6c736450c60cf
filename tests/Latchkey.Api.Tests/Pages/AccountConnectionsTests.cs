using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.Social;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Latchkey.Api.Tests.Pages.ConsoleForms;
using static Latchkey.Api.Tests.Pages.PageForms;

namespace Latchkey.Api.Tests.Pages;

/// <summary>
/// <c>/account/connections</c> over HTTP, on both databases, against the social test server's providers: the list,
/// unlinking only after the confirmation, and the core's refusal to remove the last way to sign in shown as a 409.
/// </summary>
public sealed class AccountConnectionsTests(SocialServer server) : IClassFixture<SocialServer>
{
    [Fact]
    public async Task A_linked_service_is_listed_and_unlinked_only_after_the_confirmation()
    {
        var (browser, _) = await server.SignedInAsync();
        var upstream = UpstreamUser.New(email: "linked-" + Guid.NewGuid().ToString("N")[..8] + "@example.com");
        var started = await browser.PostJsonAsync("/api/user/connected-services/github/connect", new { });
        browser.SetCookie(server, "upstream_user", upstream.ToCookie());
        await browser.FollowAsync(server, (await started.JsonAsync()).Str("url"));

        var (page, html) = await GetAsync(browser, "/account/connections");
        AssertPage(page, html, HttpStatusCode.OK, upstream.Email);
        Assert.Contains("GitHub", html);
        Assert.Contains("aria-label=\"Unlink GitHub\"", html);
        Assert.DoesNotContain("aria-label=\"Unlink GitLab\"", html);

        // The first post only asks; nothing is unlinked until the question is answered.
        var (asked, askedHtml) = await SendFormAsync(browser, "/account/connections", "/account/connections/unlink");
        AssertPage(asked, askedHtml, HttpStatusCode.OK, "Unlink GitHub?");
        Assert.Equal(1, await IdentitiesAsync(upstream.Email));

        var (unlinked, _) = await SendFormFromAsync(browser, askedHtml, "/account/connections/unlink");
        AssertSeeOther(unlinked, "/account/connections?done=connection");
        Assert.Equal(0, await IdentitiesAsync(upstream.Email));
        var (after, afterHtml) = await GetAsync(browser, "/account/connections?done=connection");
        AssertPage(after, afterHtml, HttpStatusCode.OK, "The service was unlinked");
        Assert.DoesNotContain("aria-label=\"Unlink GitHub\"", afterHtml);
    }

    [Fact]
    public async Task The_only_way_to_sign_in_is_refused_with_the_reason_and_an_unlinked_provider_is_a_404()
    {
        var browser = server.CreateClient();
        var upstream = UpstreamUser.New();
        await browser.SignInWithAsync(server, "github", upstream);

        var (refused, refusedHtml) = await SendFormAsync(browser, "/account/connections", "/account/connections/unlink", ("confirm", "yes"));
        AssertPage(refused, refusedHtml, HttpStatusCode.Conflict, "This is your only way to sign in");
        Assert.Equal(1, await IdentitiesAsync(upstream.Email));

        foreach (var confirm in new[] { "", "yes" })
        {
            var (missing, missingHtml) = await SendFormAsync(browser, "/account/connections", "/account/connections/unlink",
                ("provider", "gitlab"), ("confirm", confirm));
            AssertPage(missing, missingHtml, HttpStatusCode.NotFound, "This provider is not connected");
        }
        Assert.Equal(1, await IdentitiesAsync(upstream.Email));
    }

    private Task<int> IdentitiesAsync(string email) =>
        server.QueryAsync(db => db.UserIdentities.CountAsync(i => i.Email == email));
}
