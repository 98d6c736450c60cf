using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Cluster;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Latchkey.Api.Tests.Scim.ScimClient;

namespace Latchkey.Api.Tests.Scim;

/// <summary>
/// An administrator's server whose change feed polls only when a test says so, and whose unfiltered SCIM lists count
/// exactly only up to two accounts (so the test's handful of accounts is "large").
/// </summary>
public sealed class ScimScaleServer : AdminServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        ManualChangePolling.Configure(settings);
        settings["Latchkey:Scim:ExactTotalUpTo"] = "2";
    }

    public Task PollChangesAsync() => ManualChangePolling.PollAsync(this);
}

/// <summary>
/// What keeps SCIM cheap at a million accounts: the token is authenticated from the node's cache (and still stops at
/// once when revoked, on this node at once and on others at the change feed's poll), a filtered get is one statement
/// with the groups in it and no count, and an unfiltered list's total is recounted only when old.
/// </summary>
public sealed class ScimScaleTests(ScimScaleServer server) : IClassFixture<ScimScaleServer>, IDisposable
{
    private readonly DatabaseCommands _commands = new();

    public void Dispose() => _commands.Dispose();

    [Fact]
    public async Task A_filtered_get_with_a_known_token_is_one_statement_holding_the_groups()
    {
        var scim = await ScimClient.CreateAsync(server);
        var userName = $"one-{Guid.NewGuid():N}@example.com";
        var created = await scim.CreateUserAsync(userName);
        var group = await ExpectAsync(await scim.SendAsync(HttpMethod.Post, "/Groups", new
        {
            schemas = new[] { GroupSchema }, displayName = "g-" + Guid.NewGuid().ToString("N")[..8],
            members = new[] { new { value = created.Str("id") } },
        }), HttpStatusCode.Created);
        var query = "filter=" + Uri.EscapeDataString($"userName eq \"{userName}\"");
        await scim.ListAsync(query);

        HttpResponseMessage? answer = null;
        var sql = await _commands.OfAsync(async () => answer = await scim.GetAsync("/Users?" + query));
        Assert.True(sql.Count == 1, $"{sql.Count} commands:\n{string.Join("\n---\n", sql)}");
        var list = await ExpectAsync(answer!, HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("totalResults").GetInt32());
        var listed = Assert.Single(list.GetProperty("Resources").EnumerateArray());
        Assert.Equal(group.Str("id"), Assert.Single(listed.GetProperty("groups").EnumerateArray()).Str("value"));
    }

    [Fact]
    public async Task One_key_lookups_answer_what_the_general_query_answers()
    {
        // A single userName, externalId or id test runs as a compiled lookup; the same test inside a larger filter runs
        // the general query. Both must list the same accounts, groups and total.
        var scim = await ScimClient.CreateAsync(server);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var named = await scim.CreateUserAsync($"Lookup-{suffix}", new
        {
            externalId = $"Ext-{suffix}", emails = new[] { new { value = $"named-{suffix}@example.com", primary = true } },
        });
        await scim.CreateUserAsync($"lookup-{suffix}@example.com");
        await ExpectAsync(await scim.SendAsync(HttpMethod.Post, "/Groups", new
        {
            schemas = new[] { GroupSchema }, displayName = "lookup-" + suffix, members = new[] { new { value = named.Str("id") } },
        }), HttpStatusCode.Created);

        (string Filter, int Found)[] cases =
        [
            ($"userName eq \"lookup-{suffix}\"", 1),                 // userName is case-insensitive
            ($"userName eq \"LOOKUP-{suffix}@EXAMPLE.COM\"", 1),     // an account without a username, by its address
            ($"externalId eq \"Ext-{suffix}\"", 1),
            ($"externalId eq \"ext-{suffix}\"", 0),                  // externalId is case-exact
            ($"id eq \"{named.Str("id")}\"", 1),
            ($"id eq \"{Guid.NewGuid()}\"", 0),
            ($"userName eq \"nobody-{suffix}\"", 0),
        ];
        foreach (var (filter, found) in cases)
        {
            var lookup = await scim.ListAsync("filter=" + Uri.EscapeDataString(filter));
            var general = await scim.ListAsync("filter=" + Uri.EscapeDataString($"({filter}) and not (userName eq \"x-{suffix}\")"));
            Assert.Equal(found, lookup.GetProperty("totalResults").GetInt32());
            Assert.Equal(general.GetProperty("totalResults").GetInt32(), lookup.GetProperty("totalResults").GetInt32());
            Assert.Equal(general.GetProperty("Resources").GetRawText(), lookup.GetProperty("Resources").GetRawText());
        }
        var groups = (await scim.ListAsync("filter=" + Uri.EscapeDataString($"externalId eq \"Ext-{suffix}\"")))
            .GetProperty("Resources")[0].GetProperty("groups");
        Assert.Equal("lookup-" + suffix, Assert.Single(groups.EnumerateArray()).Str("display"));

        // A later page of a one-account lookup is empty, and still counts the account.
        var second = await scim.ListAsync("startIndex=2&filter=" + Uri.EscapeDataString($"userName eq \"lookup-{suffix}\""));
        Assert.Equal(1, second.GetProperty("totalResults").GetInt32());
        Assert.Empty(second.GetProperty("Resources").EnumerateArray());
    }

    [Fact]
    public async Task A_token_revoked_on_another_node_stops_at_the_next_poll()
    {
        var scim = await ScimClient.CreateAsync(server);
        await ExpectAsync(await scim.GetAsync("/Users?count=1"), HttpStatusCode.OK);

        // Another node revokes it: the row goes, nothing in this node's memory changes until the feed polls.
        await server.QueryAsync(db => db.ScimTokens.Where(t => t.ClientRowId == scim.ClientRowId).ExecuteDeleteAsync(TestContext.Current.CancellationToken));
        await ExpectAsync(await scim.GetAsync("/Users?count=1"), HttpStatusCode.OK);

        await server.PollChangesAsync();
        await FailsAsync(await scim.GetAsync("/Users?count=1"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_client_deactivated_on_this_node_stops_its_cached_token_at_once()
    {
        var scim = await ScimClient.CreateAsync(server);
        await ExpectAsync(await scim.GetAsync("/Users?count=1"), HttpStatusCode.OK);
        var root = await server.RootAsync();
        await (await root.SendAsync(HttpMethod.Patch, $"/api/admin/oauth-clients/{scim.ClientRowId}", body: new { active = false })).OkAsync();
        await FailsAsync(await scim.GetAsync("/Users?count=1"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unfiltered_total_past_the_exact_limit_is_reused_until_it_is_old()
    {
        var scim = await ScimClient.CreateAsync(server);
        await scim.CreateUserAsync();
        await scim.CreateUserAsync();
        await scim.CreateUserAsync();
        // Other tests of this class list (and so cache a total) and create accounts: start from a fresh count.
        await server.AdvanceClockAsync(TimeSpan.FromMinutes(1));
        var before = (await scim.ListAsync("count=1")).GetProperty("totalResults").GetInt32();
        Assert.True(before >= 3);

        await scim.CreateUserAsync();
        Assert.Equal(before, (await scim.ListAsync("count=1")).GetProperty("totalResults").GetInt32());
        // A filtered list is always counted exactly.
        Assert.Equal(before + 1, (await scim.ListAsync("count=1&filter=" + Uri.EscapeDataString("userName pr"))).GetProperty("totalResults").GetInt32());

        await server.AdvanceClockAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(before + 1, (await scim.ListAsync("count=1")).GetProperty("totalResults").GetInt32());
    }
}
