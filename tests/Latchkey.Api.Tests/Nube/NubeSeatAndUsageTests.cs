using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Licensing;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Latchkey.Api.Tests.Nube;

/// <summary>Seats and metered usage under concurrency: no lost update and no seat over the limit, on either database.</summary>
public sealed class NubeSeatAndUsageTests(NubeServer server) : IClassFixture<NubeServer>
{
    [Fact]
    public async Task Parallel_activations_take_exactly_the_free_seats()
    {
        var admin = await server.AdminKeyClientAsync();
        var (_, _, key, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync(seats: 5));
        var licenseId = license.GetProperty("id").GetGuid();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            (await server.CreateClient().PostJsonAsync("/v1/licenses/activate", new { key, fingerprint = $"machine-{i}" })).StatusCode));

        Assert.Equal(5, answers.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(15, answers.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(5, await server.QueryAsync(db => db.Set<License>().Where(l => l.Id == licenseId).Select(l => l.SeatsUsed).SingleAsync()));
        Assert.Equal(5, await server.QueryAsync(db => db.Set<LicenseActivation>().CountAsync(a => a.LicenseId == licenseId)));
    }

    [Fact]
    public async Task Activation_is_idempotent_per_machine_and_deactivation_frees_the_seat()
    {
        var admin = await server.AdminKeyClientAsync();
        var (_, _, key, _) = await server.LicensedUserAsync(admin, await admin.PlanAsync(seats: 1));
        var client = server.CreateClient();

        var first = await (await client.PostJsonAsync("/v1/licenses/activate", new { key, fingerprint = "laptop" })).NubeDataAsync(HttpStatusCode.Created);
        var again = await (await client.PostJsonAsync("/v1/licenses/activate", new { key, fingerprint = "laptop" })).NubeDataAsync();
        Assert.Equal(first.Str("activationId"), again.Str("activationId"));
        var full = await (await client.PostJsonAsync("/v1/licenses/activate", new { key, fingerprint = "desktop" })).NubeErrorAsync(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal("seat_limit", full.GetProperty("details").Str("reason"));
        Assert.True((await (await client.PostJsonAsync("/v1/licenses/validate", new { key, fingerprint = "laptop" })).NubeDataAsync()).GetProperty("activated").GetBoolean());

        await (await client.PostJsonAsync("/v1/licenses/deactivate", new { key, fingerprint = "laptop" })).NubeDataAsync();
        await (await client.PostJsonAsync("/v1/licenses/deactivate", new { key, fingerprint = "laptop" })).NubeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await client.PostJsonAsync("/v1/licenses/activate", new { key, fingerprint = "desktop" })).NubeDataAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/v1/licenses/activate", new { key })).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Usage_counts_a_retry_once_and_reports_going_over_the_limit()
    {
        var admin = await server.AdminKeyClientAsync();
        var (access, _, _, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync(apiCalls: 10));
        var licenseId = license.Str("id");

        var first = await (await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "api_calls", quantity = 4, idempotencyKey = "req-1" })).NubeDataAsync(HttpStatusCode.Created);
        Assert.False(first.GetProperty("duplicate").GetBoolean());
        var retry = await (await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "api_calls", quantity = 4, idempotencyKey = "req-1" })).NubeDataAsync();
        Assert.True(retry.GetProperty("duplicate").GetBoolean());
        Assert.Equal(4, retry.GetProperty("usage").GetProperty("used").GetInt64());

        var over = await (await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "api_calls", quantity = 7, idempotencyKey = "req-2" })).NubeDataAsync(HttpStatusCode.Created);
        Assert.Equal((11, 0), (over.GetProperty("usage").GetProperty("used").GetInt64(), over.GetProperty("usage").GetProperty("remaining").GetInt64()));
        Assert.False(over.GetProperty("usage").GetProperty("allowed").GetBoolean());

        var mine = await (await server.CreateClient().GetAsync("/v1/licenses/usage", access)).NubeDataAsync();
        Assert.Equal(11, mine.GetProperty("features")[0].GetProperty("used").GetInt64());

        await (await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "export", quantity = 1, idempotencyKey = "k" })).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "api_calls", quantity = 0, idempotencyKey = "k" })).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "api_calls", quantity = 1 })).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId = Guid.NewGuid(), feature = "api_calls", quantity = 1, idempotencyKey = "k" })).NubeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await server.CreateClient().PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "api_calls", quantity = 1, idempotencyKey = "k" }, access)).NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Parallel_usage_reports_lose_no_update_and_parallel_retries_count_once()
    {
        var admin = await server.AdminKeyClientAsync();
        var (_, _, _, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync(apiCalls: 1_000_000));
        var licenseId = license.Str("id");

        var distinct = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
            (await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "api_calls", quantity = 2, idempotencyKey = $"call-{i}" })).StatusCode));
        Assert.All(distinct, s => Assert.Equal(HttpStatusCode.Created, s));
        var retries = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
            (await admin.PostJsonAsync("/v1/licenses/usage", new { licenseId, feature = "api_calls", quantity = 5, idempotencyKey = "same" })).StatusCode));
        Assert.Equal(1, retries.Count(s => s == HttpStatusCode.Created));
        Assert.All(retries, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.OK, s.ToString()));

        var id = Guid.Parse(licenseId);
        Assert.Equal(65, await server.QueryAsync(db => db.Set<LicenseUsage>().Where(u => u.LicenseId == id).Select(u => u.Used).SingleAsync()));
        Assert.Equal(31, await server.QueryAsync(db => db.Set<LicenseUsageEvent>().CountAsync(e => e.LicenseId == id)));
    }
}
