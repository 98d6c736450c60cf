using System.Net.Http.Json;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>The admin webhook calls the tests make, and waits on the server's outbox table.</summary>
public static class WebhookAdmin
{
    public static async Task<(Guid Id, string Secret)> CreateWebhookAsync(this HttpClient admin, string url, params string[] events)
    {
        var created = await (await admin.PostJsonAsync("/api/admin/webhooks", new { url, events })).OkAsync();
        return (created.GetProperty("webhook").GetProperty("id").GetGuid(), created.Str("secret"));
    }

    public static async Task<List<JsonElement>> DeliveriesAsync(this HttpClient admin, Guid webhookId, string? status = null)
    {
        var query = status is null ? "" : $"?status={status}";
        var body = await (await admin.GetAsync($"/api/admin/webhooks/{webhookId}/deliveries{query}")).OkAsync();
        return body.GetProperty("deliveries").EnumerateArray().ToList();
    }

    /// <summary>Polls the outbox table until <paramref name="done"/> holds for the webhook's rows (the dispatcher works in the background).</summary>
    public static async Task<List<WebhookDelivery>> WaitForRowsAsync(this LatchkeyServer server, Guid webhookId, Func<List<WebhookDelivery>, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var rows = await server.QueryAsync(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == webhookId).ToListAsync());
            if (done(rows)) return rows;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Outbox never showed {what}: " + string.Join("; ", rows.Select(r => $"{r.EventType} {r.Status} attempts={r.Attempts} code={r.LastStatusCode} error={r.LastError}")));
            await Task.Delay(25);
        }
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsync(path, JsonContent.Create(body));
}
