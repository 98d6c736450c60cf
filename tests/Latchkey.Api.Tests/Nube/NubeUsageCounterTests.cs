using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Licensing;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Latchkey.Api.Tests.Nube;

/// <summary>
/// The node's copy of the usage counters: a metered check answers from it (no statement), this node's reports are in it
/// at once, another node's within Latchkey:Licensing:UsageCacheAge (1 s; the test's clock moves), and a report on
/// PostgreSQL is one statement after the license read. Creating the license moves the 'licenses' change area; a poll
/// that sees it empties the entitlement cache, so the test polls once before it counts statements, and a poll after
/// that sees nothing move. (On the feed's own 500 ms timer, a poll landing between two checks made the second one
/// read the license, and CI failed on it.)
/// </summary>
public sealed class NubeUsageCounterTests(NubeManualPollServer server) : IClassFixture<NubeManualPollServer>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly DatabaseCommands _commands = new();
    private readonly HttpClient _client = server.CreateClient();

    public void Dispose() => _commands.Dispose();

    private async Task<long> UsedAsync(string access) =>
        (await (await _client.GetAsync("/v1/licenses/entitlements?feature=api_calls", access)).NubeDataAsync()).GetProperty("used").GetInt64();

    // API-key authentication reads the key; that is the authenticator's business, not the counters'.
    private static IReadOnlyList<string> WithoutKeyRead(IReadOnlyList<string> sql) =>
        sql.Where(c => !c.Contains("api_keys", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task A_check_answers_from_the_copy_this_nodes_reports_at_once_and_another_nodes_within_the_age()
    {
        var admin = await server.AdminKeyClientAsync();
        var (access, _, _, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync(apiCalls: 100));
        var licenseId = license.GetProperty("id").GetGuid();
        await server.PollChangesAsync();
        Assert.Equal(0, await UsedAsync(access));

        var cached = await _commands.OfAsync(async () => Assert.Equal(0, await UsedAsync(access)));
        Assert.True(cached.Count == 0, string.Join("\n---\n", cached));

        await (await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "api_calls", quantity = 3, idempotencyKey = "here" })).NubeDataAsync(HttpStatusCode.Created);
        Assert.Equal(3, await UsedAsync(access));

        // Another node's report: the row moves, this node's copy does not until it is older than the age.
        await server.QueryAsync(db => db.Set<LicenseUsage>().Where(u => u.LicenseId == licenseId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Used, x => x.Used + 5), Ct));
        Assert.Equal(3, await UsedAsync(access));
        await server.AdvanceClockAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(8, await UsedAsync(access));
    }

    [Fact]
    public async Task A_report_is_the_license_read_and_one_statement_on_PostgreSQL()
    {
        var admin = await server.AdminKeyClientAsync();
        var (_, _, _, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync(apiCalls: 100));
        var licenseId = license.Str("id");
        await (await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "api_calls", quantity = 1, idempotencyKey = "first" })).NubeDataAsync(HttpStatusCode.Created);

        HttpResponseMessage? answer = null;
        var sql = WithoutKeyRead(await _commands.OfAsync(async () =>
            answer = await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "api_calls", quantity = 2, idempotencyKey = "second" })));
        Assert.Equal(3, (await answer!.NubeDataAsync(HttpStatusCode.Created)).GetProperty("usage").GetProperty("used").GetInt64());
        if (server.Provider == "postgres") Assert.True(sql.Count == 2, $"{sql.Count} commands:\n{string.Join("\n---\n", sql)}");

        var retry = WithoutKeyRead(await _commands.OfAsync(async () =>
            answer = await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "api_calls", quantity = 2, idempotencyKey = "second" })));
        var again = await answer!.NubeDataAsync();
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(3, again.GetProperty("usage").GetProperty("used").GetInt64());
        if (server.Provider == "postgres") Assert.True(retry.Count == 3, $"{retry.Count} commands:\n{string.Join("\n---\n", retry)}");
    }
}
