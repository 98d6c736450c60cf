using System.Net;
using Latchkey.Api.Tests.Cluster;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Latchkey.Api.Tests.Admin;

/// <summary>Rate limits on, and a change feed that polls only when a test says so (as another node's change arrives).</summary>
public sealed class RateLimitSettingsServer : AdminServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Latchkey:RateLimits:Enabled"] = "true";
        ManualChangePolling.Configure(settings);
    }

    public Task PollChangesAsync() => ManualChangePolling.PollAsync(this);
}

/// <summary>
/// Rate limits as a runtime setting (issue 13): an administrator's change is in force at the next request without a
/// restart, on this node at once and on another node at its next change-feed poll; null returns to the configured
/// rule; a bad rule is a 400 naming the field and changes nothing. Each test registers from its own address.
/// </summary>
public sealed class RateLimitSettingsTests(RateLimitSettingsServer server) : IClassFixture<RateLimitSettingsServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_changed_limit_is_enforced_at_the_next_request_and_null_restores_the_configured_one()
    {
        var root = await server.RootAsync();
        var visitor = server.CreateClientFrom("127.0.0.41");
        Assert.Equal("5", await RegisterLimitAsync(visitor, HttpStatusCode.Created));

        var changed = (await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings",
            body: new { rateLimits = new { register = new { limit = 2, windowSeconds = 600 } } })).OkAsync()).GetProperty("settings");
        var register = changed.GetProperty("rateLimits").GetProperty("register");
        Assert.Equal((2, 600), (register.GetProperty("limit").GetInt32(), register.GetProperty("windowSeconds").GetInt32()));
        Assert.Equal(10, changed.GetProperty("rateLimits").GetProperty("login").GetProperty("limit").GetInt32());
        Assert.Contains("rateLimits", changed.GetProperty("overridden").EnumerateArray().Select(o => o.GetString()));

        Assert.Equal("2", await RegisterLimitAsync(visitor, HttpStatusCode.Created));
        Assert.Equal("2", await RegisterLimitAsync(visitor, HttpStatusCode.TooManyRequests));

        var log = await (await root.GetAsync("/api/admin/activity?type=admin.settings_updated")).OkAsync();
        Assert.Contains(log.GetProperty("activities").EnumerateArray(), a => a.Str("details") is { } d && d.Contains("rateLimits") && d.Contains("oldValue"));

        await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings", body: new Dictionary<string, object?> { ["rateLimits"] = null })).OkAsync();
        Assert.Equal("5", await RegisterLimitAsync(visitor, HttpStatusCode.Created));
    }

    [Fact]
    public async Task A_limit_changed_on_another_node_is_enforced_here_at_the_next_poll()
    {
        var root = await server.RootAsync();
        // The settings row every node shares exists once any change has been saved.
        await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings", body: new Dictionary<string, object?> { ["rateLimits"] = null })).OkAsync();
        var visitor = server.CreateClientFrom("127.0.0.42");
        Assert.Equal("5", await RegisterLimitAsync(visitor, HttpStatusCode.Created));

        // Another node saved a change: a row in the shared database and nothing in this node's memory.
        var otherNode = new RuntimeSettings { RateLimits = new() { ["register"] = new RateLimitSetting(1, 600) } };
        await server.QueryAsync(db => db.RuntimeSettings.ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Document, SettingsCache.Serialize(otherNode)).SetProperty(s => s.Version, s => s.Version + 1), Ct));
        Assert.Equal("5", await RegisterLimitAsync(visitor, HttpStatusCode.Created));

        await server.PollChangesAsync();
        Assert.Equal("1", await RegisterLimitAsync(visitor, HttpStatusCode.TooManyRequests));

        await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings", body: new Dictionary<string, object?> { ["rateLimits"] = null })).OkAsync();
    }

    [Fact]
    public async Task A_bad_rule_is_refused_naming_the_field_and_nothing_is_saved()
    {
        var root = await server.RootAsync();
        var before = (await (await root.GetAsync("/api/admin/settings")).OkAsync()).GetProperty("settings").GetRawText();
        foreach (var body in new object[]
                 {
                     new { rateLimits = new { nosuchpolicy = new { limit = 5, windowSeconds = 60 } } },
                     new { rateLimits = new { login = new { limit = 0, windowSeconds = 60 } } },
                     new { rateLimits = new { login = new { limit = 5, windowSeconds = 864_000 } } },
                     new { rateLimits = new { login = new { limit = 5 } } },
                     new { rateLimits = new { login = 5 } },
                     new { rateLimits = "many" },
                 })
        {
            var error = await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings", body: body)).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
            Assert.True(error.GetProperty("details").TryGetProperty("rateLimits", out _), error.GetRawText());
        }
        Assert.Equal(before, (await (await root.GetAsync("/api/admin/settings")).OkAsync()).GetProperty("settings").GetRawText());
    }

    /// <summary>One registration from <paramref name="client"/>; returns the register policy's limit from the headers.</summary>
    private static async Task<string> RegisterLimitAsync(HttpClient client, HttpStatusCode expected)
    {
        var response = await client.PostJsonAsync("/api/auth/register", new { email = Accounts.NewEmail(), password = Accounts.Password });
        Assert.Equal(expected, response.StatusCode);
        return response.Headers.GetValues("X-RateLimit-Limit").Single();
    }
}
