using Latchkey.Api.Tests.Admin;
using Latchkey.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>The delivery history keeps the newest N finished rows per endpoint, pruned by the background pruner; pending rows stay.</summary>
public sealed class WebhookHistoryTests(WebhookHistoryTests.Server server) : IClassFixture<WebhookHistoryTests.Server>
{
    public sealed class Server : WebhookServer
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            base.Configure(settings);
            settings["Latchkey:Webhooks:HistoryPerEndpoint"] = "10";
        }
    }

    [Fact]
    public async Task Each_endpoint_keeps_its_newest_finished_deliveries_and_every_pending_one()
    {
        var root = await server.RootAsync();
        var (busy, _) = await root.CreateWebhookAsync("http://127.0.0.1:9/busy", "logout");
        var (quiet, _) = await root.CreateWebhookAsync("http://127.0.0.1:9/quiet", "logout");
        var start = server.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        WebhookDelivery Row(Guid subscription, int minute, string status) => new()
        {
            Id = Guid.NewGuid(), SubscriptionId = subscription, EventType = "logout", Payload = "{}", Status = status,
            CreatedAt = start.AddMinutes(minute), NextAttemptAt = status == WebhookDeliveryStatuses.Pending ? start.AddYears(1) : start.AddMinutes(minute),
            DeliveredAt = status == WebhookDeliveryStatuses.Delivered ? start.AddMinutes(minute) : null,
        };
        var rows = Enumerable.Range(0, 15).Select(i => Row(busy, i, i % 3 == 0 ? WebhookDeliveryStatuses.Failed : WebhookDeliveryStatuses.Delivered))
            .Append(Row(busy, -5, WebhookDeliveryStatuses.Pending)).Append(Row(busy, -6, WebhookDeliveryStatuses.Pending))
            .Concat(Enumerable.Range(0, 4).Select(i => Row(quiet, i, WebhookDeliveryStatuses.Delivered))).ToList();
        await server.QueryAsync(async db => { db.WebhookDeliveries.AddRange(rows); return await db.SaveChangesAsync(); });

        // The pruner runs hourly beside the dispatcher: move the clock past the hour and wait for it.
        await server.AdvanceClockAsync(WebhookHistoryPruner.Interval + TimeSpan.FromMinutes(1));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<WebhookDelivery> left;
        while ((left = await server.QueryAsync(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == busy).ToListAsync())).Count > 12)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the history was not pruned: {left.Count} rows");
            await Task.Delay(100);
        }
        var finished = left.Where(d => d.Status != WebhookDeliveryStatuses.Pending).ToList();
        Assert.Equal(rows.Where(r => r.SubscriptionId == busy && r.Status != WebhookDeliveryStatuses.Pending).OrderByDescending(r => r.CreatedAt).Take(10).Select(r => r.Id).Order(),
            finished.Select(d => d.Id).Order());
        Assert.Equal(2, left.Count(d => d.Status == WebhookDeliveryStatuses.Pending));
        Assert.Equal(4, await server.QueryAsync(db => db.WebhookDeliveries.CountAsync(d => d.SubscriptionId == quiet)));
    }
}
