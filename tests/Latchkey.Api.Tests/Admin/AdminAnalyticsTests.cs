using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Admin.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Admin;

/// <summary>
/// <c>GET /api/admin/analytics</c>: the series count live before the rollup and read the same from it after;
/// parameters are validated field by field. Its own server, since it moves the clock days ahead.
/// </summary>
public sealed class AdminAnalyticsTests(AdminAnalyticsTests.Server server) : IClassFixture<AdminAnalyticsTests.Server>
{
    public sealed class Server : AdminServer;

    [Fact]
    public async Task Series_count_sign_ins_by_method_failures_registrations_and_active_users_live_then_from_the_rollup()
    {
        var root = await server.RootAsync();
        var before = await CurrentHourAsync(root);
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PlatformLoginAsync(email);
        await server.CreateClient().PlatformLoginAsync(email);
        await server.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = "wrong-password-123" });
        var after = await CurrentHourAsync(root);

        Assert.Equal(Count(before, "registrations") + 1, Count(after, "registrations"));
        Assert.Equal(SignIns(before, "password") + 2, SignIns(after, "password"));
        Assert.Equal(Count(before, "failures") + 1, Count(after, "failures"));
        Assert.Equal(Count(before, "activeUsers") + 1, Count(after, "activeUsers"));
        // The dashboard reuses its account counts for Latchkey:Admin:StatsMaxAge; a minute on (the same hour bucket
        // unless the hour turns, which the analytics read above already fixed), they are counted again.
        await server.AdvanceClockAsync(TimeSpan.FromMinutes(2));
        var stats = (await (await root.GetAsync("/api/admin/stats")).OkAsync()).GetProperty("stats");
        Assert.Equal(Count(stats, "users"), Count(after, "users"));
        Assert.Equal(Count(stats, "twoFactorUsers"), Count(after, "twoFactorUsers"));

        var hour = after.GetProperty("start").GetDateTime().ToUniversalTime();
        var hourQuery = $"/api/admin/analytics?interval=hour&from={hour:O}&to={hour.AddHours(1):O}";
        var dayQuery = $"/api/admin/analytics?interval=day&from={hour.Date:yyyy-MM-dd}&to={hour.Date.AddDays(1):yyyy-MM-dd}";
        var liveDay = await SingleBucketAsync(root, dayQuery);

        await server.AdvanceClockAsync(TimeSpan.FromDays(2));
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ActivityRollup>().CatchUpAsync(TestContext.Current.CancellationToken);
        var rows = await server.QueryAsync(db => db.ActivityRollups.CountAsync(r => r.Granularity == "hour" && r.BucketStart == hour));
        Assert.True(rows > 0, "the hour was rolled up");
        var marks = await server.QueryAsync(db => db.ActivityRollupMarks.ToListAsync());
        Assert.All(marks, m => Assert.True(m.RolledUpTo > hour, $"{m.Granularity} mark {m.RolledUpTo:O}"));

        var later = await server.RootAsync();
        var rolledHour = await SingleBucketAsync(later, hourQuery);
        var rolledDay = await SingleBucketAsync(later, dayQuery);
        foreach (var (live, rolled) in new[] { (after, rolledHour), (liveDay, rolledDay) })
        {
            foreach (var name in new[] { "registrations", "failures", "activeUsers" }) Assert.Equal(Count(live, name), Count(rolled, name));
            Assert.Equal(Methods(live), Methods(rolled));
            // Rolled two days late: no account snapshot is stamped on it (that would be today's counts).
            Assert.Equal(JsonValueKind.Null, rolled.GetProperty("users").ValueKind);
        }
    }

    [Fact]
    public async Task Stats_windows_read_the_same_from_the_rollup_as_counted_live()
    {
        var root = await server.RootAsync();
        var before = await StatsAsync(root);
        var email = await server.CreateClient().RegisterAsync();
        await server.CreateClient().PlatformLoginAsync(email);
        await server.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = "wrong-password-123" });
        var signedInAt = server.Clock.GetUtcNow().UtcDateTime;

        // Two hours on, the sign-in's hour is closed; counted live first, then from the rollup once it is rolled.
        await server.AdvanceClockAsync(TimeSpan.FromHours(2));
        var later = await server.RootAsync();
        var live = await StatsAsync(later);
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ActivityRollup>().CatchUpAsync(TestContext.Current.CancellationToken);
        var mark = await server.QueryAsync(db => db.ActivityRollupMarks.SingleAsync(m => m.Granularity == "hour"));
        Assert.True(mark.RolledUpTo > signedInAt, $"hour mark {mark.RolledUpTo:O} is past the sign-in at {signedInAt:O}");
        var rolled = await StatsAsync(later);

        foreach (var window in new[] { "last24Hours", "last7Days", "last30Days" })
        {
            foreach (var name in new[] { "registrations", "signIns", "signInFailures" })
                Assert.Equal(Count(live.GetProperty(window), name), Count(rolled.GetProperty(window), name));
        }
        foreach (var window in new[] { "last7Days", "last30Days" })
        {
            Assert.Equal(Count(before.GetProperty(window), "signInFailures") + 1, Count(rolled.GetProperty(window), "signInFailures"));
            Assert.True(Count(rolled.GetProperty(window), "signIns") >= Count(before.GetProperty(window), "signIns") + 1);
        }
    }

    private static async Task<JsonElement> StatsAsync(HttpClient root) =>
        (await (await root.GetAsync("/api/admin/stats")).OkAsync()).GetProperty("stats");

    [Fact]
    public async Task Default_range_is_the_last_30_days_or_24_hours_in_whole_buckets()
    {
        var root = await server.RootAsync();
        var days = (await (await root.GetAsync("/api/admin/analytics")).OkAsync()).GetProperty("analytics");
        Assert.Equal("day", days.Str("interval"));
        Assert.Equal(30, days.GetProperty("buckets").GetArrayLength());
        Assert.Equal(TimeSpan.Zero, days.GetProperty("from").GetDateTime().ToUniversalTime().TimeOfDay);
        var hours = (await (await root.GetAsync("/api/admin/analytics?interval=hour")).OkAsync()).GetProperty("analytics");
        Assert.Equal(24, hours.GetProperty("buckets").GetArrayLength());
        var widened = (await (await root.GetAsync("/api/admin/analytics?interval=hour&from=2026-01-01T10:30:00Z&to=2026-01-01T12:10:00Z")).OkAsync())
            .GetProperty("analytics");
        Assert.Equal(new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc), widened.GetProperty("from").GetDateTime().ToUniversalTime());
        Assert.Equal(3, widened.GetProperty("buckets").GetArrayLength());
    }

    [Theory]
    [InlineData("interval=week", "interval")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("from=2026-02-01&to=2026-01-01", "from")]
    [InlineData("from=2026-01-01&to=2026-01-01", "from")]
    [InlineData("from=1900-01-01&to=2026-01-01", "from")]
    [InlineData("interval=hour&from=2026-01-01&to=2026-03-01", "to")]
    [InlineData("interval=day&from=2020-01-01&to=2026-01-01", "to")]
    public async Task Bad_parameters_are_a_400_naming_the_field(string query, string field)
    {
        var root = await server.RootAsync();
        var error = await (await root.GetAsync($"/api/admin/analytics?{query}")).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        Assert.True(error.GetProperty("details").TryGetProperty(field, out _), error.ToString());
    }

    [Fact]
    public async Task Needs_analytics_read_which_a_moderator_lacks()
    {
        var root = await server.RootAsync();
        var (moderator, _, _) = await server.WithRoleAsync(root, "moderator");
        await (await moderator.GetAsync("/api/admin/analytics")).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private static async Task<JsonElement> CurrentHourAsync(HttpClient root)
    {
        var series = (await (await root.GetAsync("/api/admin/analytics?interval=hour")).OkAsync()).GetProperty("analytics").GetProperty("buckets");
        return series[series.GetArrayLength() - 1];
    }

    private static async Task<JsonElement> SingleBucketAsync(HttpClient root, string query) =>
        Assert.Single((await (await root.GetAsync(query)).OkAsync()).GetProperty("analytics").GetProperty("buckets").EnumerateArray());

    private static int Count(JsonElement bucket, string name) => bucket.GetProperty(name).GetInt32();

    private static IEnumerable<string> Methods(JsonElement bucket) =>
        bucket.GetProperty("signIns").EnumerateObject().Select(m => $"{m.Name}={m.Value}").Order(StringComparer.Ordinal);

    private static int SignIns(JsonElement bucket, string method) =>
        bucket.GetProperty("signIns").TryGetProperty(method, out var count) ? count.GetInt32() : 0;
}
