using System.Net;
using Latchkey.Api.Tests.Cluster;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Cluster;
using Latchkey.Core.Licensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Nube;

/// <summary>A Nube server whose change feed polls only when a test says so (and once at start).</summary>
public sealed class NubeManualPollServer : NubeServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        ManualChangePolling.Configure(settings);
    }

    public Task PollChangesAsync() => ManualChangePolling.PollAsync(this);
}

/// <summary>
/// The entitlement cache: a check is answered from the node's copy of the license and plan, a change on this
/// node is in force at once, a change written by another node (a row and nothing in this node's memory) at the
/// next poll of the change feed, and usage is never served stale. Each cross-node test first shows the cache
/// still holding the old answer, so it fails if the cache, the feed or the trigger does not do its part.
/// </summary>
public sealed class NubeEntitlementCacheTests(NubeManualPollServer server) : IClassFixture<NubeManualPollServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = server.CreateClient();

    private async Task<bool> AllowedAsync(string access, string feature) =>
        (await (await _client.GetAsync($"/v1/licenses/entitlements?feature={feature}", access)).NubeDataAsync()).GetProperty("allowed").GetBoolean();

    [Fact]
    public async Task A_license_revoked_on_another_node_is_refused_at_the_next_poll()
    {
        var admin = await server.AdminKeyClientAsync();
        var (access, _, _, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync());
        var id = license.GetProperty("id").GetGuid();
        Assert.True(await AllowedAsync(access, "export"));

        await server.QueryAsync(db => db.Set<License>().Where(l => l.Id == id).ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, "revoked"), Ct));
        Assert.True(await AllowedAsync(access, "export"));

        await server.PollChangesAsync();
        Assert.False(await AllowedAsync(access, "export"));
    }

    [Fact]
    public async Task A_plan_changed_on_another_node_changes_the_entitlements_at_the_next_poll()
    {
        var admin = await server.AdminKeyClientAsync();
        var plan = await admin.PlanAsync();
        var (access, _, _, _) = await server.LicensedUserAsync(admin, plan);
        Assert.False(await AllowedAsync(access, "sso"));

        await server.QueryAsync(db => db.Set<LicensePlan>().Where(p => p.Code == plan)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Entitlements, "[{\"feature\":\"sso\"}]"), Ct));
        Assert.False(await AllowedAsync(access, "sso"));

        await server.PollChangesAsync();
        Assert.True(await AllowedAsync(access, "sso"));
        Assert.False(await AllowedAsync(access, "export"));
    }

    [Fact]
    public async Task A_change_on_this_node_is_in_force_at_once_without_a_poll()
    {
        var admin = await server.AdminKeyClientAsync();
        var (access, _, _, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync());
        Assert.True(await AllowedAsync(access, "export"));

        await (await admin.PatchJsonAsync($"/v1/admin/licenses/{license.Str("id")}", new { status = "suspended" }, null)).NubeDataAsync();
        Assert.False(await AllowedAsync(access, "export"));
    }

    [Fact]
    public async Task Usage_is_read_live_and_taking_a_seat_does_not_empty_the_cache()
    {
        var admin = await server.AdminKeyClientAsync();
        var (access, _, key, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync(apiCalls: 10));
        var licenseId = license.GetProperty("id").GetGuid();
        Assert.True(await AllowedAsync(access, "api_calls"));
        var cache = server.Services.GetRequiredService<EntitlementCache>();
        Assert.True(cache.TryGet(await UserOfAsync(licenseId), out _));

        await (await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "api_calls", quantity = 10, idempotencyKey = "u1" })).NubeDataAsync(HttpStatusCode.Created);
        Assert.False(await AllowedAsync(access, "api_calls"));

        var before = await LicensesVersionAsync();
        await (await _client.PostJsonAsync("/v1/licenses/activate", new { key, fingerprint = "machine-1" })).NubeDataAsync(HttpStatusCode.Created);
        Assert.Equal(before, await LicensesVersionAsync());
        await (await admin.PatchJsonAsync($"/v1/admin/licenses/{licenseId}", new { endsAt = "2031-01-01T00:00:00Z" }, null)).NubeDataAsync();
        Assert.True(await LicensesVersionAsync() > before);
    }

    private Task<long> LicensesVersionAsync() =>
        server.QueryAsync(db => db.Set<ChangeVersion>().Where(v => v.Area == ChangeAreas.Licenses).Select(v => v.Version).SingleAsync(Ct));

    private Task<Guid> UserOfAsync(Guid licenseId) =>
        server.QueryAsync(db => db.Set<License>().Where(l => l.Id == licenseId).Select(l => l.UserId).SingleAsync(Ct));
}
