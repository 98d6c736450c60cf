using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Common;
using Latchkey.Core.Licensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Nube;

/// <summary>Plans, licenses, entitlement checks and key validation through <c>/v1/admin</c> and <c>/v1/licenses</c>.</summary>
public sealed class NubeLicenseTests(NubeServer server) : IClassFixture<NubeServer>
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task An_issued_license_shows_its_key_once_and_stores_only_its_hash()
    {
        var admin = await server.AdminKeyClientAsync();
        var plan = await admin.PlanAsync(seats: 2);
        var (access, userId, key, license) = await server.LicensedUserAsync(admin, plan);
        Assert.Matches("^lk_[A-Za-z0-9]{40}$", key);
        Assert.Equal("active", license.Str("status"));
        Assert.Equal(2, license.GetProperty("seats").GetInt32());

        var row = await server.QueryAsync(db => db.Set<License>().SingleAsync(l => l.UserId == userId));
        Assert.Equal(SecretHash.Sha256(key), row.KeyHash);
        Assert.Equal(key[..8], row.KeyPrefix);
        var me = await (await _client.GetAsync("/v1/licenses/me", access)).NubeDataAsync();
        Assert.Equal(plan, me.GetProperty("plan").Str("code"));
        Assert.False(me.TryGetProperty("key", out _));
        var audit = await server.QueryAsync(db => db.Activity.CountAsync(a => a.UserId == userId && a.Type == "license.issued"));
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task Entitlements_answer_all_or_one_feature_and_unknown_features_are_not_allowed()
    {
        var admin = await server.AdminKeyClientAsync();
        var (access, _, _, _) = await server.LicensedUserAsync(admin, await admin.PlanAsync());

        var all = (await (await _client.GetAsync("/v1/licenses/entitlements", access)).NubeDataAsync()).EnumerateArray().ToList();
        Assert.Equal(["export", "api_calls"], all.Select(e => e.Str("feature")));
        var apiCalls = await (await _client.GetAsync("/v1/licenses/entitlements?feature=api_calls", access)).NubeDataAsync();
        Assert.True(apiCalls.GetProperty("allowed").GetBoolean());
        Assert.Equal((1000, 0, 1000), (apiCalls.GetProperty("limit").GetInt64(), apiCalls.GetProperty("used").GetInt64(), apiCalls.GetProperty("remaining").GetInt64()));
        Assert.Equal("month", apiCalls.Str("period"));
        var sso = await (await _client.GetAsync("/v1/licenses/entitlements?feature=sso", access)).NubeDataAsync();
        Assert.False(sso.GetProperty("allowed").GetBoolean());

        var (unlicensed, _, _) = await _client.NubeUserAsync();
        Assert.Equal(0, (await (await _client.GetAsync("/v1/licenses/entitlements", unlicensed)).NubeDataAsync()).GetArrayLength());
        await (await _client.GetAsync("/v1/licenses/me", unlicensed)).NubeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await _client.GetAsync("/v1/licenses/usage", unlicensed)).NubeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await _client.GetAsync("/v1/licenses/entitlements")).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Validate_answers_valid_for_a_good_key_and_404_for_unknown_or_malformed_keys()
    {
        var admin = await server.AdminKeyClientAsync();
        var (_, _, key, _) = await server.LicensedUserAsync(admin, await admin.PlanAsync());

        var valid = await (await _client.PostJsonAsync("/v1/licenses/validate", new { key })).NubeDataAsync();
        Assert.True(valid.GetProperty("valid").GetBoolean());
        Assert.Equal("active", valid.Str("status"));
        Assert.Equal(JsonValueKind.Null, valid.GetProperty("activated").ValueKind);
        var withMachine = await (await _client.PostJsonAsync("/v1/licenses/validate", new { key, fingerprint = "machine-1" })).NubeDataAsync();
        Assert.False(withMachine.GetProperty("activated").GetBoolean());

        await (await _client.PostJsonAsync("/v1/licenses/validate", new { key = "lk_" + new string('x', 40) })).NubeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await _client.PostJsonAsync("/v1/licenses/validate", new { key = "nonsense" })).NubeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await _client.PostJsonAsync("/v1/licenses/validate", new { })).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await _client.PostRawAsync("/v1/licenses/validate", "{\"key\": 42}")).NubeErrorAsync(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task A_trial_expires_on_time_by_the_injected_clock()
    {
        var admin = await server.AdminKeyClientAsync();
        var (access, _, key, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync(trialDays: 7, durationDays: 30));
        Assert.Equal("trialing", license.Str("status"));
        Assert.True((await (await _client.PostJsonAsync("/v1/licenses/validate", new { key })).NubeDataAsync()).GetProperty("valid").GetBoolean());

        server.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var expired = await (await _client.PostJsonAsync("/v1/licenses/validate", new { key })).NubeDataAsync();
        Assert.False(expired.GetProperty("valid").GetBoolean());
        Assert.Equal("expired", expired.Str("status"));
        var activation = await (await _client.PostJsonAsync("/v1/licenses/activate", new { key, fingerprint = "m" })).NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Contains("expired", activation.Str("message"));
        Assert.NotNull(access);
    }

    [Fact]
    public async Task An_administrator_suspends_a_license_and_validation_follows_at_once()
    {
        var admin = await server.AdminKeyClientAsync();
        var (_, userId, key, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync());
        var id = license.Str("id");

        var suspended = await (await admin.PatchJsonAsync($"/v1/admin/licenses/{id}", new { status = "suspended" }, null)).NubeDataAsync();
        Assert.Equal("suspended", suspended.Str("status"));
        Assert.False((await (await _client.PostJsonAsync("/v1/licenses/validate", new { key })).NubeDataAsync()).GetProperty("valid").GetBoolean());

        await (await admin.PatchJsonAsync($"/v1/admin/licenses/{id}", new { status = "bogus" }, null)).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await admin.PatchJsonAsync($"/v1/admin/licenses/{Guid.NewGuid()}", new { status = "active" }, null)).NubeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var listed = await (await admin.GetAsync($"/v1/admin/licenses?userId={userId}")).NubeBodyAsync();
        Assert.Equal("suspended", listed.GetProperty("data")[0].Str("status"));
        Assert.Equal(1, listed.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal(1, await server.QueryAsync(db => db.Activity.CountAsync(a => a.UserId == userId && a.Type == "license.updated")));
    }

    [Theory]
    [InlineData("{\"code\": \"Bad Code\", \"name\": \"x\"}", "code")]
    [InlineData("{\"code\": \"ok\", \"name\": \"\"}", "name")]
    [InlineData("{\"code\": \"ok\", \"name\": \"x\", \"seats\": 0}", "seats")]
    [InlineData("{\"code\": \"ok\", \"name\": \"x\", \"entitlements\": [{\"feature\": \"a\", \"limit\": -1}]}", "entitlements")]
    [InlineData("{\"code\": \"ok\", \"name\": \"x\", \"entitlements\": [{\"feature\": \"a\", \"period\": \"week\", \"limit\": 1}]}", "entitlements")]
    public async Task Bad_plans_are_refused_naming_the_field_and_nothing_is_written(string body, string field)
    {
        var admin = await server.AdminKeyClientAsync();
        var before = await server.QueryAsync(db => db.Set<LicensePlan>().CountAsync());
        var error = await (await admin.PostRawAsync("/v1/admin/plans", body)).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.True(error.GetProperty("details").TryGetProperty(field, out _));
        Assert.Equal(before, await server.QueryAsync(db => db.Set<LicensePlan>().CountAsync()));
    }

    [Fact]
    public async Task Plan_codes_are_unique_malformed_json_writes_nothing_and_only_license_managers_may_call()
    {
        var admin = await server.AdminKeyClientAsync();
        var code = await admin.PlanAsync();
        await (await admin.PostJsonAsync("/v1/admin/plans", new { code, name = "Again" })).NubeErrorAsync(HttpStatusCode.Conflict, "CONFLICT");
        await (await admin.PostRawAsync("/v1/admin/plans", "{\"code\": \"x\", ")).NubeErrorAsync(HttpStatusCode.BadRequest, "BAD_REQUEST");
        await (await admin.PostRawAsync("/v1/admin/plans", "{\"code\": \"x\", \"name\": \"y\", \"seats\": \"many\"}")).NubeErrorAsync(HttpStatusCode.BadRequest, "BAD_REQUEST");
        Assert.False(await server.QueryAsync(db => db.Set<LicensePlan>().AnyAsync(p => p.Code == "x")));
        var plans = (await (await admin.GetAsync("/v1/admin/plans")).NubeDataAsync()).EnumerateArray();
        Assert.Contains(plans, p => p.Str("code") == code);

        var (user, _, _) = await _client.NubeUserAsync();
        await (await _client.PostJsonAsync("/v1/admin/plans", new { code = "mine", name = "Mine" }, user)).NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await _client.GetAsync("/v1/admin/licenses", user)).NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await _client.GetAsync("/v1/admin/plans")).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await admin.PostJsonAsync("/v1/admin/licenses", new { userId = Guid.NewGuid(), plan = code })).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await admin.PostJsonAsync("/v1/admin/licenses", new { userId = Guid.NewGuid(), plan = "no-such-plan" })).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task License_changes_queue_license_webhook_events_beside_their_activity_rows()
    {
        var root = await server.RootAsync();
        var events = new[] { "license.created", "license.updated", "license.activated", "license.deactivated" };
        var created = await (await root.PostJsonAsync("/api/admin/webhooks", new { url = "https://93.184.215.14/latchkey", events })).JsonAsync();
        var hook = created.GetProperty("webhook").GetProperty("id").GetGuid();
        try
        {
            var admin = await server.AdminKeyClientAsync();
            var (_, userId, key, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync());
            var id = license.Str("id");
            await (await _client.PostJsonAsync("/v1/licenses/activate", new { key, fingerprint = "hooked" })).NubeDataAsync(HttpStatusCode.Created);
            await (await _client.PostJsonAsync("/v1/licenses/deactivate", new { key, fingerprint = "hooked" })).NubeDataAsync();
            await (await admin.PatchJsonAsync($"/v1/admin/licenses/{id}", new { status = "suspended" }, null)).NubeDataAsync();
            // Refused changes raise nothing.
            await (await admin.PatchJsonAsync($"/v1/admin/licenses/{id}", new { status = "bogus" }, null)).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

            var queued = await server.QueryAsync(db => db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.SubscriptionId == hook && d.Payload.Contains(id)).Select(d => new { d.EventType, d.Payload }).ToListAsync());
            Assert.Equal(events.Order(), queued.Select(q => q.EventType).Order());
            Assert.All(queued, q => Assert.Equal(userId, JsonDocument.Parse(q.Payload).RootElement.GetProperty("data").GetProperty("userId").GetGuid()));
            var activity = await server.QueryAsync(db => db.Activity.CountAsync(a => a.UserId == userId && a.Type.StartsWith("license.")));
            Assert.Equal(queued.Count, activity);
        }
        finally
        {
            await root.DeleteAsync($"/api/admin/webhooks/{hook}");
        }
    }

    [Fact]
    public async Task A_trial_that_ends_raises_license_expired_once_and_a_renewed_license_raises_it_again()
    {
        var admin = await server.AdminKeyClientAsync();
        var (_, userId, _, license) = await server.LicensedUserAsync(admin, await admin.PlanAsync(trialDays: 3));
        var worker = server.Services.GetRequiredService<LicenseExpiryWorker>();
        var ct = TestContext.Current.CancellationToken;
        await worker.RunOnceAsync(ct);
        Assert.Empty(await ExpiryRowsAsync(userId));

        // The worker's own timer may fire on the advance too: the conditional claim keeps it to one event.
        server.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        await worker.RunOnceAsync(ct);
        await worker.RunOnceAsync(ct);
        Assert.Contains("trial_ended", Assert.Single(await ExpiryRowsAsync(userId)));

        var endsAt = server.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        await (await admin.PatchJsonAsync($"/v1/admin/licenses/{license.Str("id")}", new { status = "active", endsAt }, null)).NubeDataAsync();
        await worker.RunOnceAsync(ct);
        Assert.Single(await ExpiryRowsAsync(userId));
        server.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await worker.RunOnceAsync(ct);
        var rows = await ExpiryRowsAsync(userId);
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r!.Contains("term_ended"));
    }

    private Task<List<string?>> ExpiryRowsAsync(Guid userId) =>
        server.QueryAsync(db => db.Activity.Where(a => a.UserId == userId && a.Type == "license.expired").Select(a => a.Details).ToListAsync());
}

