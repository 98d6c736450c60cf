using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Platform;

/// <summary>A server that trusts one extra origin (a first-party app on its own origin).</summary>
public sealed class CrossSiteServer : LatchkeyServer
{
    public const string TrustedApp = "https://app.example";

    protected override void Configure(IDictionary<string, string?> settings) => settings["Latchkey:TrustedOrigins:0"] = TrustedApp;
}

/// <summary>
/// Cookie-authenticated state changes refuse requests from other origins (issue 22, item 7): the body-less
/// POSTs a cross-site form can send with the session cookie. Own origin, trusted origins and bearer tokens pass.
/// </summary>
public sealed class CrossSiteRequestTests(CrossSiteServer server) : IClassFixture<CrossSiteServer>
{
    public static TheoryData<string> CookieEndpoints() =>
    [
        "/api/auth/logout", "/api/user/sessions/revoke-all", "/api/v1/auth/logout",
        "/api/auth/passkey/register-options", "/api/auth/2fa/recovery-codes",
    ];

    private static HttpRequestMessage Post(string path, string? origin, string? fetchSite)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var browser = server.CreateClient();
        await browser.PlatformLoginAsync(await browser.RegisterAsync());
        return browser;
    }

    [Theory]
    [MemberData(nameof(CookieEndpoints))]
    public async Task A_cross_site_post_with_the_session_cookie_is_refused_and_changes_nothing(string path)
    {
        var browser = await SignedInAsync();
        foreach (var (origin, site) in new (string?, string?)[] { ("https://evil.test", "cross-site"), ("https://evil.test", null),
                     ("https://sub.latchkey.test", "same-site"), ("null", "cross-site"), (null, "cross-site") })
        {
            var response = await browser.SendAsync(Post(path, origin, site));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await response.JsonAsync();
            Assert.Contains("Cross-site request refused", body.Str("error"));
        }
        // The session survived every attempt.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_platform_shape_carries_its_code()
    {
        var browser = await SignedInAsync();
        var body = await (await browser.SendAsync(Post("/api/auth/logout", "https://evil.test", "cross-site"))).JsonAsync();
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("forbidden", body.Str("code"));
    }

    [Theory]
    [InlineData("http://latchkey.test", "same-origin")]
    [InlineData(null, "same-origin")]
    [InlineData(null, "none")]
    [InlineData("http://latchkey.test", null)]
    [InlineData(CrossSiteServer.TrustedApp, "cross-site")]
    [InlineData(null, null)]
    public async Task Own_and_trusted_origins_and_non_browser_clients_pass(string? origin, string? site)
    {
        var browser = await SignedInAsync();
        var response = await browser.SendAsync(Post("/api/auth/logout", origin, site));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_is_not_subject_to_the_origin_check()
    {
        var client = server.CreateClient();
        var (access, _) = await client.SimpleLoginAsync(await client.RegisterAsync());
        var request = Post("/api/v1/auth/logout", "https://evil.test", "cross-site").WithBearer(access);
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Reading_with_the_cookie_from_another_origin_is_not_a_change_and_passes()
    {
        var browser = await SignedInAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Origin", "https://evil.test");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(request)).StatusCode);
    }
}
