using System.Net;
using Latchkey.Api.Tests.Platform;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>The hosted sign-in form shares the login API's budget (10 per 15 minutes per IP).</summary>
public sealed class SignInPageRateLimitTests(RateLimitedServer server) : IClassFixture<RateLimitedServer>
{
    [Fact]
    public async Task The_sign_in_page_is_limited_like_the_login_api()
    {
        var browser = server.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            var attempt = await browser.PostAsync("/login", new FormUrlEncodedContent([new("email", "a@example.com"), new("password", "x")]));
            Assert.Equal("10", attempt.Headers.GetValues("X-RateLimit-Limit").Single());
        }
        var limited = await browser.PostAsync("/login", new FormUrlEncodedContent([new("email", "a@example.com"), new("password", "x")]));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/login")).StatusCode);
    }
}
