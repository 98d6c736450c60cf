using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.Scim;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Latchkey.Api.Tests.Scim.ScimClient;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>SCIM provisioning and administration raise webhook events, each outbox row committed with its activity row.</summary>
public sealed class WebhookProvisioningEventTests(WebhookServer server) : IClassFixture<WebhookServer>
{
    [Fact]
    public async Task Scim_and_admin_changes_queue_their_events_with_their_activity_rows()
    {
        var root = await server.RootAsync();
        string[] events =
        [
            "scim.user.created", "scim.user.updated", "scim.user.deactivated", "scim.user.deleted", "scim.group.created", "scim.group.updated",
            "scim.group.deleted", "scim.token.created", "admin.role.created", "admin.settings.updated", "oauth.client.created",
        ];
        var (hook, _) = await root.CreateWebhookAsync("http://127.0.0.1:9/provisioning", events);

        var scim = await ScimClient.CreateAsync(server); // oauth.client.created, scim.token.created
        var user = (await scim.CreateUserAsync()).Str("id");
        await ExpectAsync(await scim.PatchAsync($"/Users/{user}", new { op = "replace", path = "title", value = "Engineer" }), HttpStatusCode.OK);
        var group = (await ExpectAsync(await scim.SendAsync(HttpMethod.Post, "/Groups", new
        {
            schemas = new[] { GroupSchema }, displayName = "Hooks " + Guid.NewGuid().ToString("N")[..6], members = new[] { new { value = user } },
        }), HttpStatusCode.Created)).Str("id");
        await ExpectAsync(await scim.PatchAsync($"/Groups/{group}", new { op = "remove", path = "members" }), HttpStatusCode.OK);
        await ExpectAsync(await scim.PatchAsync($"/Users/{user}", new { op = "replace", value = new { active = false } }), HttpStatusCode.OK);
        await ExpectAsync(await scim.SendAsync(HttpMethod.Delete, $"/Groups/{group}"), HttpStatusCode.NoContent);
        await ExpectAsync(await scim.SendAsync(HttpMethod.Delete, $"/Users/{user}"), HttpStatusCode.NoContent);
        await (await root.PostJsonAsync("/api/admin/roles", new { name = "hooks-" + Guid.NewGuid().ToString("N")[..6], permissions = new[] { "users:read" } })).OkAsync();
        await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings", body: new { passwordMinLength = 14 })).OkAsync();
        await (await root.SendAsync(HttpMethod.Put, "/api/admin/settings", body: new Dictionary<string, object?> { ["passwordMinLength"] = null })).OkAsync();

        var rows = await server.QueryAsync(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == hook).ToListAsync());
        Assert.Equal(events.Order(), rows.Select(r => r.EventType).Distinct().Order());
        // Every event names the activity row it came from, and that row exists: both were written by one SaveChanges.
        var activityIds = rows.Select(r => JsonDocument.Parse(r.Payload).RootElement.GetProperty("data").GetProperty("activityId").GetGuid()).ToList();
        var recorded = await server.QueryAsync(db => db.Activity.Where(a => activityIds.Contains(a.Id)).Select(a => a.Id).ToListAsync());
        Assert.Equal(activityIds.Distinct().Order(), recorded.Order());

        // The group's membership change is in its events, by count and ids.
        var groupEvents = rows.Where(r => r.EventType.StartsWith("scim.group.", StringComparison.Ordinal) && r.Payload.Contains(group, StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Payload).RootElement.GetProperty("data").GetProperty("details")).ToList();
        var created = groupEvents.Single(d => d.TryGetProperty("membersAdded", out var a) && a.GetProperty("count").GetInt32() == 1 && !d.TryGetProperty("membersRemoved", out _));
        Assert.Equal(user, created.GetProperty("membersAdded").GetProperty("ids")[0].GetString());
        var removed = groupEvents.Single(d => d.TryGetProperty("membersRemoved", out var r) && r.GetProperty("count").GetInt32() == 1);
        Assert.Equal(user, removed.GetProperty("membersRemoved").GetProperty("ids")[0].GetString());
        await (await root.DeleteAsync($"/api/admin/webhooks/{hook}")).OkAsync();
    }
}
