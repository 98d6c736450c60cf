using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Admin;

/// <summary>Users, sessions and activity across accounts: search, details, changes, deletion, and the protections around them.</summary>
public sealed class AdminUserTests(AdminServer server) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task Search_filters_sorts_and_paginates_with_a_total()
    {
        var root = await server.RootAsync();
        var tag = $"srch{Guid.NewGuid():N}"[..12];
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var client = server.CreateClient();
            await client.RegisterAsync($"{tag}-{i}@example.com");
            await client.PlatformLoginAsync($"{tag}-{i}@example.com");
            ids.Add(await client.MyIdAsync());
        }

        var page1 = await (await root.GetAsync($"/api/admin/users?search={tag}&limit=2&sort=email&order=asc")).OkAsync();
        Assert.Equal(3, page1.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal(2, page1.GetProperty("pagination").GetProperty("totalPages").GetInt32());
        Assert.Equal(new[] { $"{tag}-0@example.com", $"{tag}-1@example.com" },
            page1.GetProperty("users").EnumerateArray().Select(u => u.Str("email")));
        var page2 = await (await root.GetAsync($"/api/admin/users?search={tag.ToUpperInvariant()}&limit=2&page=2&sort=email&order=asc")).OkAsync();
        Assert.Equal($"{tag}-2@example.com", page2.GetProperty("users")[0].Str("email"));

        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{ids[1]}", body: new { disabled = true })).OkAsync();
        var disabled = await (await root.GetAsync($"/api/admin/users?search={tag}&status=disabled")).OkAsync();
        Assert.Equal(ids[1], Assert.Single(disabled.GetProperty("users").EnumerateArray()).GetProperty("id").GetGuid());
        var active = await (await root.GetAsync($"/api/admin/users?search={tag}&status=unverified")).OkAsync();
        Assert.Equal(3, active.GetProperty("pagination").GetProperty("total").GetInt32());
        var admins = await (await root.GetAsync("/api/admin/users?role=admin")).OkAsync();
        Assert.Equal(AdminServer.AdminEmail, Assert.Single(admins.GetProperty("users").EnumerateArray()).Str("email"));
        var none = await (await root.GetAsync($"/api/admin/users?search={tag}&createdFrom=2000-01-01&createdTo=2000-01-02")).OkAsync();
        Assert.Equal(0, none.GetProperty("pagination").GetProperty("total").GetInt32());
        // Wildcards in the search are literal characters, not patterns.
        Assert.Equal(0, (await (await root.GetAsync("/api/admin/users?search=%25")).OkAsync()).GetProperty("pagination").GetProperty("total").GetInt32());

        await (await root.GetAsync("/api/admin/users?status=sleepy")).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.GetAsync("/api/admin/users?limit=1000")).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.GetAsync("/api/admin/users?page=0")).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.GetAsync("/api/admin/users?sort=password")).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.GetAsync("/api/admin/users?page=abc")).FailsAsync(HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Disabling_an_account_kills_its_cookie_refresh_and_access_tokens_at_once()
    {
        var root = await server.RootAsync();
        var (browser, id, email) = await server.WithRoleAsync(root, "user");
        var api = server.CreateClient();
        var (access, refresh) = await api.SimpleLoginAsync(email);
        await (await api.GetAsync("/api/auth/me", access)).OkAsync();

        var body = await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{id}", body: new { disabled = true })).OkAsync();
        Assert.Equal("disabled", body.GetProperty("user").Str("status"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/auth/me", access)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);
        Assert.False((await api.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).IsSuccessStatusCode);
        Assert.False((await server.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password })).IsSuccessStatusCode);

        var detail = await (await root.GetAsync($"/api/admin/users/{id}")).OkAsync();
        Assert.Empty(detail.GetProperty("sessions").EnumerateArray());
    }

    [Fact]
    public async Task An_administrator_cannot_demote_lock_or_delete_themselves_and_bad_changes_write_nothing()
    {
        var root = await server.RootAsync();
        var rootId = await root.MyIdAsync();
        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{rootId}", body: new { role = "user" })).FailsAsync(HttpStatusCode.Conflict, "conflict");
        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{rootId}", body: new { locked = true })).FailsAsync(HttpStatusCode.Conflict, "conflict");
        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{rootId}", body: new { disabled = true })).FailsAsync(HttpStatusCode.Conflict, "conflict");
        await (await root.DeleteAsync($"/api/admin/users/{rootId}")).FailsAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("admin", (await (await root.GetAsync($"/api/admin/users/{rootId}")).OkAsync()).GetProperty("user").Str("role"));

        var (_, id, _) = await server.WithRoleAsync(root, "user");
        var bad = await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{id}", body: new { firstName = new string('x', 101), disabled = true }))
            .FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        Assert.True(bad.GetProperty("details").TryGetProperty("firstName", out _));
        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{id}", body: new { username = "no spaces" })).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{id}", body: new { })).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{Guid.NewGuid()}", body: new { locked = true })).FailsAsync(HttpStatusCode.NotFound, "not_found");
        var user = (await (await root.GetAsync($"/api/admin/users/{id}")).OkAsync()).GetProperty("user");
        Assert.Equal("unverified", user.Str("status"));
        Assert.False(user.GetProperty("disabled").GetBoolean());

        var renamed = await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{id}",
            body: new { firstName = "Grace", username = $"grace{Guid.NewGuid():N}"[..20], emailVerified = true })).OkAsync();
        Assert.Equal("Grace", renamed.GetProperty("user").Str("firstName"));
        Assert.Equal("active", renamed.GetProperty("user").Str("status"));
    }

    [Fact]
    public async Task Details_show_the_account_and_deletion_removes_it_and_is_recorded_with_the_administrator()
    {
        var root = await server.RootAsync();
        var rootId = await root.MyIdAsync();
        var (browser, id, _) = await server.WithRoleAsync(root, "user");
        var detail = await (await root.GetAsync($"/api/admin/users/{id}")).OkAsync();
        Assert.Single(detail.GetProperty("sessions").EnumerateArray());
        Assert.Equal(0, detail.GetProperty("passkeyCount").GetInt32());
        Assert.Empty(detail.GetProperty("permissions").EnumerateArray());
        Assert.Contains(detail.GetProperty("recentActivity").EnumerateArray(), a => a.Str("type") == "login.success");

        await (await root.DeleteAsync($"/api/admin/users/{id}")).OkAsync();
        await (await root.GetAsync($"/api/admin/users/{id}")).FailsAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);
        await (await root.DeleteAsync($"/api/admin/users/{id}")).FailsAsync(HttpStatusCode.NotFound, "not_found");

        var log = await (await root.GetAsync($"/api/admin/activity?type=admin.user_deleted&userId={id}")).OkAsync();
        var entry = Assert.Single(log.GetProperty("activities").EnumerateArray());
        Assert.Contains(rootId.ToString(), entry.Str("details"));
    }

    [Fact]
    public async Task Sessions_are_listed_per_user_and_one_can_be_revoked()
    {
        var root = await server.RootAsync();
        var (browser, id, email) = await server.WithRoleAsync(root, "user");
        var second = server.CreateClient();
        await second.PlatformLoginAsync(email);

        var list = await (await root.GetAsync($"/api/admin/sessions?userId={id}&limit=1")).OkAsync();
        Assert.Equal(2, list.GetProperty("pagination").GetProperty("total").GetInt32());
        var newest = list.GetProperty("sessions")[0];
        Assert.Equal(id, newest.GetProperty("userId").GetGuid());

        await (await root.DeleteAsync($"/api/admin/sessions/{newest.GetProperty("id").GetGuid()}")).OkAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/auth/me")).StatusCode);
        await (await browser.GetAsync("/api/auth/me")).OkAsync();
        await (await root.DeleteAsync($"/api/admin/sessions/{newest.GetProperty("id").GetGuid()}")).FailsAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(1, (await (await root.GetAsync($"/api/admin/sessions?userId={id}")).OkAsync()).GetProperty("pagination").GetProperty("total").GetInt32());
        await (await root.GetAsync("/api/admin/sessions?limit=0")).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
    }

    [Fact]
    public async Task Activity_is_filtered_by_type_user_outcome_and_time_newest_first()
    {
        var root = await server.RootAsync();
        var (_, id, email) = await server.WithRoleAsync(root, "user");
        await server.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = "wrong-password-123" });

        var failures = await (await root.GetAsync($"/api/admin/activity?userId={id}&outcome=failure")).OkAsync();
        var failure = Assert.Single(failures.GetProperty("activities").EnumerateArray());
        Assert.Equal("login.failed", failure.Str("type"));
        var all = (await (await root.GetAsync($"/api/admin/activity?userId={id}")).OkAsync()).GetProperty("activities").EnumerateArray().ToList();
        Assert.True(all.Count >= 3);
        Assert.Equal(all.OrderByDescending(a => a.GetProperty("createdAt").GetDateTime()).Select(a => a.Str("id")), all.Select(a => a.Str("id")));
        var ip = failure.Str("ipAddress");
        Assert.NotEmpty((await (await root.GetAsync($"/api/admin/activity?ip={ip}&type=login.failed")).OkAsync()).GetProperty("activities").EnumerateArray());
        var future = server.Clock.GetUtcNow().AddDays(1).ToString("O");
        Assert.Empty((await (await root.GetAsync($"/api/admin/activity?userId={id}&from={Uri.EscapeDataString(future)}")).OkAsync())
            .GetProperty("activities").EnumerateArray());

        await (await root.GetAsync("/api/admin/activity?outcome=maybe")).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.GetAsync("/api/admin/activity?from=2026-02-01&to=2026-01-01")).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.GetAsync("/api/admin/activity?userId=not-a-guid")).FailsAsync(HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Stats_count_accounts_sessions_and_recent_sign_ins()
    {
        var root = await server.RootAsync();
        var before = (await (await root.GetAsync("/api/admin/stats")).OkAsync()).GetProperty("stats");
        var (_, _, email) = await server.WithRoleAsync(root, "user");
        await server.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = "wrong-password-123" });
        // Account counts are reused for Latchkey:Admin:StatsMaxAge (AdminStatsAgeTests): move past it to see the new ones.
        await server.AdvanceClockAsync(TimeSpan.FromMinutes(2));
        var after = (await (await root.GetAsync("/api/admin/stats")).OkAsync()).GetProperty("stats");

        Assert.Equal(Count(before, "users") + 1, Count(after, "users"));
        Assert.Equal(Count(before, "activeSessions") + 1, Count(after, "activeSessions"));
        foreach (var window in new[] { "last24Hours", "last7Days", "last30Days" })
        {
            Assert.Equal(Count(before.GetProperty(window), "registrations") + 1, Count(after.GetProperty(window), "registrations"));
            Assert.Equal(Count(before.GetProperty(window), "signIns") + 1, Count(after.GetProperty(window), "signIns"));
            Assert.Equal(Count(before.GetProperty(window), "signInFailures") + 1, Count(after.GetProperty(window), "signInFailures"));
        }
    }

    private static int Count(System.Text.Json.JsonElement element, string name) => element.GetProperty(name).GetInt32();
}
