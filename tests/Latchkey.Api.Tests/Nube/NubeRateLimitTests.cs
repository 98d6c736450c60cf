using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Nube;

public sealed class NubeRateLimitServer : LatchkeyServer
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Latchkey:RateLimits:Enabled"] = "true";
}

/// <summary>The seed's limits (auth 10/min) with its headers, and the 429 in the Nube shape with Retry-After.</summary>
public sealed class NubeRateLimitTests(NubeRateLimitServer server) : IClassFixture<NubeRateLimitServer>
{
    [Fact]
    public async Task Auth_endpoints_allow_ten_a_minute_then_answer_429_in_the_nube_shape()
    {
        var client = server.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            var response = await client.PostJsonAsync("/v1/auth/refresh", new { refreshToken = "x" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("10", response.Headers.GetValues("X-RateLimit-Limit").Single());
            Assert.Equal((9 - i).ToString(), response.Headers.GetValues("X-RateLimit-Remaining").Single());
            Assert.True(long.Parse(response.Headers.GetValues("X-RateLimit-Reset").Single()) > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        }
        var refused = await client.PostJsonAsync("/v1/auth/refresh", new { refreshToken = "x" });
        await refused.NubeErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);

        // Standard endpoints have their own budget (100 a minute).
        var standard = await client.GetAsync("/v1/users/me");
        Assert.Equal("100", standard.Headers.GetValues("X-RateLimit-Limit").Single());
    }
}
