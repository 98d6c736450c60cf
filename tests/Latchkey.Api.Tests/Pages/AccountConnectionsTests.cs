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
/// linking one through the provider's sign-in (oidc-provider as "google") and back, unlinking only after the
/// confirmation, and the core's refusal to remove the last way to sign in shown as a 409.
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

    [Fact]
    public async Task A_provider_is_linked_from_the_console_and_then_signs_in_to_the_same_account()
    {
        var (browser, email) = await server.SignedInAsync();
        var upstream = UpstreamUser.New(email: "console-link-" + Guid.NewGuid().ToString("N")[..8] + "@example.com");
        var (page, html) = await GetAsync(browser, "/account/connections");
        AssertPage(page, html, HttpStatusCode.OK, "aria-label=\"Link Google\"");

        var (unknown, unknownHtml) = await SendFormAsync(browser, "/account/connections", "/account/connections/link", ("provider", "myspace"));
        AssertPage(unknown, unknownHtml, HttpStatusCode.BadRequest);
        Assert.Contains("role=\"alert\"", unknownHtml);

        var callback = await StartLinkAsync(browser, upstream);
        var back = await browser.GetAsync(callback);
        Assert.Equal($"{SocialServer.PublicUrl}/account/connections?done=linked", back.Headers.Location?.ToString());
        var (linked, linkedHtml) = await GetAsync(browser, "/account/connections?done=linked");
        AssertPage(linked, linkedHtml, HttpStatusCode.OK, "The service was linked");
        Assert.Contains("aria-label=\"Unlink Google\"", linkedHtml);
        Assert.Contains(upstream.Email, linkedHtml);

        // The linked provider now signs in to this account, and no new account was made for it.
        var other = server.CreateClient();
        await other.SignInWithAsync(server, "google", upstream);
        Assert.Equal(email, (await (await other.GetAsync("/api/auth/me")).JsonAsync()).GetProperty("user").Str("email"));
        Assert.False(await server.QueryAsync(db => db.Users.AnyAsync(u => u.Email == upstream.Email)));

        // The same upstream identity linked from another account comes back with the core's code, shown as a fixed text.
        var (stranger, _) = await server.SignedInAsync();
        var refused = await stranger.GetAsync(await StartLinkAsync(stranger, upstream));
        var target = refused.Headers.Location!.ToString();
        Assert.StartsWith($"{SocialServer.PublicUrl}/account/connections?done=linked&error=identity_in_use", target);
        var (shown, shownHtml) = await GetAsync(stranger, new Uri(target).PathAndQuery + "&error_description=Call+0800+now");
        AssertPage(shown, shownHtml, HttpStatusCode.OK, "already connected to another account");
        Assert.DoesNotContain("0800", shownHtml);
        Assert.DoesNotContain("The service was linked", shownHtml);
        Assert.Equal(1, await IdentitiesAsync(upstream.Email));
    }

    /// <summary>Posts the console's link form for "google", checks the state cookie, and follows the provider back to the callback (unfetched).</summary>
    private async Task<Uri> StartLinkAsync(HttpClient browser, UpstreamUser upstream)
    {
        var (started, startedHtml) = await SendFormAsync(browser, "/account/connections", "/account/connections/link", ("provider", "google"));
        Assert.True(started.StatusCode == HttpStatusCode.SeeOther, startedHtml);
        Assert.StartsWith(server.Oidc.Issuer.ToString().TrimEnd('/'), started.Headers.Location!.ToString());
        Assert.Contains(started.Headers.GetValues("Set-Cookie"), c => c.StartsWith("latchkey_oauth=", StringComparison.Ordinal));
        browser.SetCookie(server, "upstream_user", upstream.ToCookie());
        return await browser.FollowToCallbackAsync(server, started.Headers.Location!.ToString());
    }

    private Task<int> IdentitiesAsync(string email) =>
        server.QueryAsync(db => db.UserIdentities.CountAsync(i => i.Email == email));
}
