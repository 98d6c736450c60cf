using System.Net;
using System.Net.Http.Json;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Latchkey.Api.Tests.RateLimiting;

/// <summary>Rate limits on, with the server's log kept for the test to read.</summary>
public sealed class ObservedRateLimitServer : LatchkeyServer
{
    public LogCapture Log { get; } = new();

    protected override void Configure(IDictionary<string, string?> settings) => settings["Latchkey:RateLimits:Enabled"] = "true";

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Log);
}

/// <summary>
/// Each surface counts its own documented limits per client IP; a 429 is logged with its bucket; the
/// headers tell the limiter's real state; and a forwarded header from an untrusted peer changes nothing.
/// Each test signs in from its own loopback address, so tests do not share buckets.
/// </summary>
public sealed class RateLimitBucketTests(ObservedRateLimitServer server) : IClassFixture<ObservedRateLimitServer>
{
    [Fact]
    public async Task The_readme_tour_signs_in_on_every_surface_without_spending_another_surfaces_budget()
    {
        var client = server.CreateClientFrom("127.0.0.11");
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/auth/login", new { email = $"tour-{i}@example.com", password = "wrong-password" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostJsonAsync("/api/auth/login", new { email = "tour@example.com", password = "x" })).StatusCode);

        var nhost = await client.PostJsonAsync("/v1/signin/email-password", new { email = "tour@example.com", password = "wrong-password" });
        Assert.NotEqual(HttpStatusCode.TooManyRequests, nhost.StatusCode);
        // Nhost's own limit (upstream default: 10 per 5 minutes) is in its headers.
        Assert.Equal("10", nhost.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("9", nhost.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.NotEqual(HttpStatusCode.TooManyRequests,
            (await client.PostJsonAsync("/api/v1/auth/login", new { username = "tour@example.com", password = "wrong-password" })).StatusCode);
        var page = await client.PostAsync("/login", new FormUrlEncodedContent([new("email", "tour@example.com"), new("password", "x")]));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, page.StatusCode);
    }

    [Fact]
    public async Task A_429_is_logged_once_with_its_bucket()
    {
        var client = server.CreateClientFrom("127.0.0.12");
        for (var i = 0; i < 13; i++)
            await client.PostJsonAsync("/api/auth/forgot-password", new { email = Accounts.NewEmail() });

        var lines = server.Log.Lines.Where(l => l.Message.Contains("Rate limit reached") && l.Message.Contains("127.0.0.12")).ToList();
        var line = Assert.Single(lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("platform/forgot-password", line.Message);
        Assert.Contains("POST /api/auth/forgot-password", line.Message);
    }

    [Fact]
    public async Task Reset_and_retry_after_are_the_real_release_time_never_later_than_the_window()
    {
        var client = server.CreateClientFrom("127.0.0.13");
        for (var i = 0; i < 5; i++)
        {
            await client.PostJsonAsync("/api/auth/forgot-password", new { email = Accounts.NewEmail() });
            server.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var limited = await client.PostJsonAsync("/api/auth/forgot-password", new { email = Accounts.NewEmail() });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter!.Delta!.Value;
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(limited.Headers.GetValues("X-RateLimit-Reset").Single()));
        var now = server.Clock.GetUtcNow();
        // The oldest of the five left the window 15 minutes after it was counted: 10 minutes from now, not 15 or 18.
        Assert.InRange(retryAfter, TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.InRange(reset - now, retryAfter - TimeSpan.FromSeconds(2), retryAfter + TimeSpan.FromSeconds(1));

        // One second before the release the bucket is still full; at the announced second it is not.
        server.Clock.Advance(retryAfter - TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostJsonAsync("/api/auth/forgot-password", new { email = Accounts.NewEmail() })).StatusCode);
        server.Clock.Advance(reset - server.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/forgot-password", new { email = Accounts.NewEmail() })).StatusCode);
    }

    [Fact]
    public async Task After_a_429_a_made_up_x_forwarded_for_changes_nothing_and_is_reported_once()
    {
        var client = server.CreateClientFrom("127.0.0.14");
        for (var i = 0; i < 11; i++)
            await client.PostJsonAsync("/api/v1/auth/login", new { username = "victim-" + i, password = "guess" });

        for (var i = 0; i < 30; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
            {
                Content = JsonContent.Create(new { username = "victim-xff-" + i, password = "guess" }),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{Random.Shared.Next(1, 255)}");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "evil.test");
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(request)).StatusCode);
        }
        var warnings = server.Log.Lines.Where(l => l.Message.Contains("not a trusted proxy")).ToList();
        Assert.Equal(LogLevel.Warning, Assert.Single(warnings).Level);
    }
}
