using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Admin;

/// <summary>An administrator's server whose lists count at most three matches, so a handful of accounts passes the bound.</summary>
public sealed class BoundedListServer : AdminServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Latchkey:Admin:ListCountLimit"] = "3";
    }
}

/// <summary>
/// The user list reads its page first and counts only when the page does not settle the total, and then only up to
/// <c>Latchkey:Admin:ListCountLimit</c>: past it the total is a lower bound, said so, and the next page stays reachable.
/// </summary>
public sealed class AdminListBoundsTests(BoundedListServer server) : IClassFixture<BoundedListServer>
{
    [Fact]
    public async Task Totals_are_exact_up_to_the_limit_and_a_lower_bound_past_it()
    {
        var root = await server.RootAsync();
        var tag = $"bnd{Guid.NewGuid():N}"[..12];
        for (var i = 0; i < 5; i++) await server.CreateClient().RegisterAsync($"{tag}-{i}@example.com");

        var page1 = await PageAsync(root, $"search={tag}&limit=2&sort=email&order=asc");
        Assert.Equal((3, 2, true), Pagination(page1));
        Assert.Equal(new[] { $"{tag}-0@example.com", $"{tag}-1@example.com" }, Emails(page1));

        // Page 2 shows rows 3 and 4 and knows a fifth follows: at least 5, so there is a page 3 to go to.
        var page2 = await PageAsync(root, $"search={tag}&limit=2&page=2&sort=email&order=asc");
        Assert.Equal((5, 3, true), Pagination(page2));

        // The last page ends the list: its total is exact without a count.
        var page3 = await PageAsync(root, $"search={tag}&limit=2&page=3&sort=email&order=asc");
        Assert.Equal((5, 3, false), Pagination(page3));
        Assert.Equal(new[] { $"{tag}-4@example.com" }, Emails(page3));

        // Past the end: nothing shown, so nothing more than the limit is claimed.
        var beyond = await PageAsync(root, $"search={tag}&limit=2&page=9");
        Assert.Equal((3, 2, true), Pagination(beyond));
        Assert.Empty(Emails(beyond));

        // A narrow search fits on its first page: exact.
        var one = await PageAsync(root, $"search={tag}-3");
        Assert.Equal((1, 1, false), Pagination(one));
    }

    [Fact]
    public async Task Exactly_the_limit_is_an_exact_total()
    {
        var root = await server.RootAsync();
        var tag = $"lim{Guid.NewGuid():N}"[..12];
        for (var i = 0; i < 3; i++) await server.CreateClient().RegisterAsync($"{tag}-{i}@example.com");
        Assert.Equal((3, 2, false), Pagination(await PageAsync(root, $"search={tag}&limit=2")));
    }

    [Fact]
    public async Task The_console_says_at_least_when_the_total_is_bounded()
    {
        // The console shows 20 a page: 21 accounts leave a next page, so the page does not settle the total.
        var tag = $"con{Guid.NewGuid():N}"[..12];
        for (var i = 0; i < 21; i++) await server.CreateClient().RegisterAsync($"{tag}-{i}@example.com");
        var console = await server.RootAsync();
        var html = await (await console.GetAsync($"/admin/users?search={tag}")).Content.ReadAsStringAsync();
        Assert.Contains("At least 21 accounts found (not all counted), page 1.", html);
        Assert.Contains("id=\"next-page\"", html);
    }

    private static async Task<JsonElement> PageAsync(HttpClient root, string query) =>
        await (await root.GetAsync($"/api/admin/users?{query}")).OkAsync();

    private static (int Total, int TotalPages, bool LowerBound) Pagination(JsonElement page)
    {
        var p = page.GetProperty("pagination");
        return (p.GetProperty("total").GetInt32(), p.GetProperty("totalPages").GetInt32(), p.GetProperty("totalIsLowerBound").GetBoolean());
    }

    private static IEnumerable<string> Emails(JsonElement page) => page.GetProperty("users").EnumerateArray().Select(u => u.Str("email")).ToList();
}

/// <summary>
/// The dashboard's account counts are counted once per <c>Latchkey:Admin:StatsMaxAge</c> (30 s by default) on a node:
/// within it a new account does not show, the answer says when it counted, and past twice the age the next request
/// counts again (the test's clock moves; nothing sleeps).
/// </summary>
public sealed class AdminStatsAgeTests(AdminServer server) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task Account_counts_are_reused_within_their_age_and_recounted_after_it()
    {
        var root = await server.RootAsync();
        var first = await StatsAsync(root);
        await server.CreateClient().RegisterAsync();

        var cached = await StatsAsync(root);
        Assert.Equal(first.GetProperty("users").GetInt32(), cached.GetProperty("users").GetInt32());
        Assert.Equal(first.GetProperty("accountsCountedAt").GetDateTime(), cached.GetProperty("accountsCountedAt").GetDateTime());

        await server.AdvanceClockAsync(TimeSpan.FromMinutes(2));
        var recounted = await StatsAsync(root);
        Assert.Equal(first.GetProperty("users").GetInt32() + 1, recounted.GetProperty("users").GetInt32());
        Assert.True(recounted.GetProperty("accountsCountedAt").GetDateTime() > first.GetProperty("accountsCountedAt").GetDateTime());
    }

    private static async Task<JsonElement> StatsAsync(HttpClient root) =>
        (await (await root.GetAsync("/api/admin/stats")).OkAsync()).GetProperty("stats");
}
