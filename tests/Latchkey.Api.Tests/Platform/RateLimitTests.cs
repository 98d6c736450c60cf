using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Platform;

/// <summary>Rate limits on, with the seed's defaults (login 10, register 5, others 100 per 15 minutes).</summary>
public sealed class RateLimitedServer : LatchkeyServer
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Latchkey:RateLimits:Enabled"] = "true";
}

public sealed class RateLimitTests(RateLimitedServer server) : IClassFixture<RateLimitedServer>
{
    [Fact]
    public async Task Register_allows_5_per_15_minutes_then_429_with_retry_after_and_headers()
    {
        var client = server.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var ok = await client.PostJsonAsync("/api/auth/register", new { email = Accounts.NewEmail(), password = Accounts.Password });
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
            Assert.Equal("5", ok.Headers.GetValues("X-RateLimit-Limit").Single());
            Assert.Equal((4 - i).ToString(), ok.Headers.GetValues("X-RateLimit-Remaining").Single());
            Assert.True(long.Parse(ok.Headers.GetValues("X-RateLimit-Reset").Single()) > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        }

        var email = Accounts.NewEmail();
        var limited = await client.PostJsonAsync("/api/auth/register", new { email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        var body = await limited.JsonAsync();
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("rate_limited", body.Str("code"));

        // Other endpoints have their own budget; the limited one frees up when Retry-After said.
        Assert.Equal("100", (await client.GetAsync("/api/auth/me")).Headers.GetValues("X-RateLimit-Limit").Single());
        server.Clock.Advance(retryAfter);
        Assert.Equal(HttpStatusCode.Created,
            (await client.PostJsonAsync("/api/auth/register", new { email, password = Accounts.Password })).StatusCode);
    }

    [Fact]
    public async Task Login_allows_10_per_15_minutes_per_surface_each_in_its_own_shape()
    {
        var client = server.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
            last = await client.PostJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = "whatever-it-is" });
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);

        // The Simple API counts its own sign-ins: the Platform's 429 does not spend its budget.
        var simple = new HttpResponseMessage();
        for (var i = 0; i < 10; i++)
        {
            // A new name each time: the per-account sign-in throttle must not answer first.
            simple = await client.PostJsonAsync("/api/v1/auth/login", new { username = "nobody-" + i, password = "whatever-it-is" });
            Assert.Equal(HttpStatusCode.Unauthorized, simple.StatusCode);
        }
        simple = await client.PostJsonAsync("/api/v1/auth/login", new { username = "nobody", password = "whatever-it-is" });
        Assert.Equal(HttpStatusCode.TooManyRequests, simple.StatusCode);
        Assert.Equal("{\"error\":\"Too many requests; try again later\"}", await simple.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forgot_password_allows_5_per_15_minutes()
    {
        var client = server.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/forgot-password", new { email = Accounts.NewEmail() })).StatusCode);
        var limited = await client.PostJsonAsync("/api/auth/forgot-password", new { email = Accounts.NewEmail() });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("5", limited.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("rate_limited", (await limited.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Code_checks_allow_10_per_15_minutes_per_client()
    {
        var client = server.CreateClient();
        HttpResponseMessage last = new();
        for (var i = 0; i < 11; i++)
            last = await client.PostJsonAsync("/api/auth/email-otp/verify", new { email = "someone@example.com", code = "123456" });
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
    }

    [Fact]
    public async Task Health_and_jwks_are_never_limited()
    {
        var client = server.CreateClient();
        for (var i = 0; i < 120; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/.well-known/jwks.json")).StatusCode);
        Assert.False((await client.GetAsync("/health/live")).Headers.Contains("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task Two_factor_endpoints_share_10_per_15_minutes()
    {
        var client = server.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            var path = i % 2 == 0 ? "/api/auth/2fa/verify" : "/api/auth/2fa/setup";
            var response = await client.PostJsonAsync(path, new { challengeToken = "x", code = "123456" });
            Assert.Equal("10", response.Headers.GetValues("X-RateLimit-Limit").Single());
        }
        var limited = await client.PostJsonAsync("/api/auth/2fa/verify", new { challengeToken = "x", code = "123456" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
