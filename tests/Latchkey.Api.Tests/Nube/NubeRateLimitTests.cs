using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Nube;

public sealed class NubeRateLimitServer : LatchkeyServer
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Latchkey:RateLimits:Enabled"] = "true";
}

/// <summary>
/// The seed's limits (auth 10/min) with its headers, and the 429 in the Nube shape with Retry-After; counted per API
/// key, per user or per IP.
/// </summary>
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

    [Fact]
    public async Task Each_api_key_and_each_user_has_its_own_budget_and_failed_credentials_share_the_ip_s()
    {
        var client = server.CreateClient();
        var (access, _, _) = await client.NubeUserAsync();
        var first = await KeyClientAsync(client, access, "first");
        var second = await KeyClientAsync(client, access, "second");

        for (var i = 0; i < 100; i++)
        {
            var response = await first.GetAsync("/v1/users/me");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("100", response.Headers.GetValues("X-RateLimit-Limit").Single());
            Assert.Equal((99 - i).ToString(), response.Headers.GetValues("X-RateLimit-Remaining").Single());
        }
        var refused = await first.GetAsync("/v1/users/me");
        await refused.NubeErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.Equal("0", refused.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        Assert.True(long.Parse(refused.Headers.GetValues("X-RateLimit-Reset").Single()) > DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        // Same IP, same owner: the other key and the owner's bearer token each start full.
        var other = await second.GetAsync("/v1/users/me");
        await other.NubeDataAsync();
        Assert.Equal("99", other.Headers.GetValues("X-RateLimit-Remaining").Single());
        var bearer = await server.CreateClient().GetAsync("/v1/users/me", access);
        await bearer.NubeDataAsync();
        Assert.Equal("99", bearer.Headers.GetValues("X-RateLimit-Remaining").Single());

        // Keys that do not authenticate are counted per IP: a new invented key is no new budget.
        var invented = await WithKey("sk_live_" + new string('a', 40)).GetAsync("/v1/users/me");
        await invented.NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        var another = await WithKey("sk_live_" + new string('b', 40)).GetAsync("/v1/users/me");
        Assert.Equal(
            int.Parse(invented.Headers.GetValues("X-RateLimit-Remaining").Single()) - 1,
            int.Parse(another.Headers.GetValues("X-RateLimit-Remaining").Single()));
    }

    private HttpClient WithKey(string secret)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", secret);
        return client;
    }

    private async Task<HttpClient> KeyClientAsync(HttpClient owner, string access, string name) =>
        WithKey((await (await owner.PostJsonAsync("/api/v1/auth/keys", new { name }, access)).JsonAsync()).Str("apiKey"));
}
