using System.Reflection;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Scim;
using Latchkey.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>
/// Every event type of the catalogue (<see cref="WebhookEventTypes.All"/>) is raised by some activity row, and each
/// arrives at a real receiver in the versioned shape, signed so that the NuGet and the npm standardwebhooks libraries
/// verify it. The rows are recorded through the server's own activity log and unit of work, as every action records
/// them; the flows that write each row are tested with their surfaces.
/// </summary>
public sealed class WebhookEventCatalogueTests(WebhookServer server) : IClassFixture<WebhookServer>
{
    [Fact]
    public async Task Every_event_type_is_raised_by_an_activity_row_and_arrives_signed_for_both_libraries()
    {
        var rows = RowsRaisingEachEvent();
        var unreached = WebhookEventTypes.All.Except(rows.SelectMany(r => r.Events)).ToList();
        Assert.True(unreached.Count == 0, $"no activity row raises: {string.Join(", ", unreached)}");

        var root = await server.RootAsync();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (webhookId, secret) = await root.CreateWebhookAsync(receiver.Url, "*");
        receiver.Secrets[secret] = true;

        var subject = Guid.NewGuid();
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var activity = scope.ServiceProvider.GetRequiredService<ActivityLog>();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            foreach (var row in rows)
                activity.Record(row.Type, subject, new RequestContext("203.0.113.7", "catalogue-test"), details: row.Details);
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        }

        bool Mine(ReceivedWebhook r) => r.Payload.GetProperty("data").Str("userId") == subject.ToString();
        await receiver.WaitForAsync(r => WebhookEventTypes.All.All(t => r.OfType(t).Any(Mine)), "one delivery of every event type",
            TimeSpan.FromSeconds(60));
        var mine = receiver.Accepted().Where(Mine).ToList();
        Assert.Equal(WebhookEventTypes.All.Order(StringComparer.Ordinal), mine.Select(d => d.Type).Distinct().Order(StringComparer.Ordinal));
        foreach (var delivery in mine)
        {
            Assert.Equal([secret], delivery.VerifiedBy); // NuGet StandardWebhooks
            Assert.Equal(WebhookPayload.Version, delivery.Payload.GetProperty("version").GetInt32());
            Assert.True(DateTimeOffset.TryParse(delivery.Payload.Str("timestamp"), out _), delivery.Type);
        }
        // user.deleted names who deleted the account and nothing personal.
        var deleted = mine.First(d => d.Type == WebhookEventTypes.UserDeleted).Payload.GetProperty("data");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, deleted.GetProperty("ipAddress").ValueKind);

        var node = await NodeWebhookVerifier.VerifyAsync(secret, mine); // npm standardwebhooks
        Assert.Equal(mine.Count, node.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("verified msg_", StringComparison.Ordinal)));
        await (await root.DeleteAsync($"/api/admin/webhooks/{webhookId}")).OkAsync();
    }

    private sealed record Row(string Type, object? Details, IReadOnlyList<string> Events);

    /// <summary>
    /// Every activity type the server defines (the constants of <see cref="ActivityTypes"/> and <see cref="ScimActivityTypes"/>)
    /// that raises an event, plus the administrator's update that unlocks an account (user.unlocked comes from its details).
    /// </summary>
    private static List<Row> RowsRaisingEachEvent()
    {
        var types = new[] { typeof(ActivityTypes), typeof(ScimActivityTypes) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct();
        var rows = new List<Row>();
        foreach (var type in types)
        {
            var events = WebhookEventMap.EventsFor(new ActivityEntry { Type = type, Success = true }).ToList();
            if (events.Count > 0) rows.Add(new Row(type, null, events));
        }
        object unlock = new { facts = new { changed = new[] { "unlocked" } } };
        var unlockEvents = WebhookEventMap.EventsFor(new ActivityEntry
        {
            Type = ActivityTypes.AdminUserUpdated, Success = true, Details = System.Text.Json.JsonSerializer.Serialize(unlock),
        }).ToList();
        rows.Add(new Row(ActivityTypes.AdminUserUpdated, unlock, unlockEvents));
        return rows;
    }
}
