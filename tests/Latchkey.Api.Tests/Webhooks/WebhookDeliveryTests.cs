using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Webhooks;
using Xunit;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>
/// Events made through the API reach a real receiver signed per Standard Webhooks (verified by the NuGet and the npm
/// libraries), are retried after errors and outages with the same webhook-id, and arrive once each.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookServer server) : IClassFixture<WebhookServer>
{
    [Fact]
    public async Task Sign_up_and_sign_in_events_arrive_signed_and_both_standardwebhooks_libraries_verify_them()
    {
        var root = await server.RootAsync();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (webhookId, secret) = await root.CreateWebhookAsync(receiver.Url, "user.created", "login.success", "login.failed");
        receiver.Secrets[secret] = true;

        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PlatformLoginAsync(email);
        var userId = await client.MyIdAsync();
        var wrong = await server.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = "not-the-Password-11" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        bool Mine(ReceivedWebhook r) => r.Payload.GetProperty("data").GetProperty("userId").GetString() == userId.ToString();
        await receiver.WaitForAsync(r => new[] { "user.created", "login.success", "login.failed" }.All(t => r.OfType(t).Any(Mine)), "the three events");
        var mine = receiver.Accepted().Where(Mine).ToList();
        Assert.Equal(3, mine.Count);
        foreach (var delivery in mine)
        {
            Assert.Equal([secret], delivery.VerifiedBy); // NuGet StandardWebhooks
            Assert.StartsWith("msg_", delivery.Id);
            Assert.StartsWith("v1,", delivery.Signature);
            var payload = delivery.Payload;
            Assert.Equal(1, payload.GetProperty("version").GetInt32());
            Assert.True(DateTimeOffset.TryParse(payload.Str("timestamp"), out _));
            Assert.DoesNotContain(Accounts.Password, delivery.Body);
            Assert.DoesNotContain("not-the-Password-11", delivery.Body);
        }
        Assert.False(mine.Single(d => d.Type == "login.failed").Payload.GetProperty("data").GetProperty("success").GetBoolean());

        var node = await NodeWebhookVerifier.VerifyAsync(secret, mine); // npm standardwebhooks
        Assert.Equal(3, node.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("verified msg_", StringComparison.Ordinal)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => NodeWebhookVerifier.VerifyAsync(WebhookSecrets.Generate(), mine));

        // The receiver answers before the dispatcher saves the lane's outcomes: wait for the rows, not the requests.
        await server.WaitForRowsAsync(webhookId, rows => rows.Count(r => r.Status == "delivered") == 3, "the three outcomes saved");
        var detail = await (await root.GetAsync($"/api/admin/webhooks/{webhookId}")).OkAsync();
        var recorded = detail.GetProperty("deliveries").EnumerateArray().Where(d => d.Str("status") == "delivered").ToList();
        Assert.Equal(3, recorded.Count);
        Assert.All(recorded, d =>
        {
            Assert.Equal(200, d.GetProperty("statusCode").GetInt32());
            Assert.Equal(1, d.GetProperty("attempts").GetInt32());
            Assert.True(d.GetProperty("durationMs").GetInt32() >= 0);
        });
        await (await root.DeleteAsync($"/api/admin/webhooks/{webhookId}")).OkAsync();
    }

    [Fact]
    public async Task A_receiver_answering_500_then_200_gets_the_event_on_the_retry_with_the_same_webhook_id()
    {
        var root = await server.RootAsync();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (webhookId, _) = await root.CreateWebhookAsync(receiver.Url, "user.created");
        receiver.FailNext(1, 500);

        await server.CreateClient().RegisterAsync();
        await server.WaitForRowsAsync(webhookId, rows => rows is [{ Attempts: 1, LastStatusCode: 500, Status: "pending" }], "a failed first attempt");
        Assert.Empty(receiver.Accepted());

        server.Clock.Advance(TimeSpan.FromSeconds(11)); // past the first back-off (at most RetryDelay = 5 s)
        await receiver.WaitForAsync(r => r.Accepted().Count == 1, "the retry");
        var attempts = receiver.Received.ToList();
        Assert.Equal([500, 200], attempts.Select(a => a.Status));
        Assert.Equal(attempts[0].Id, attempts[1].Id);
        await server.WaitForRowsAsync(webhookId, rows => rows is [{ Status: "delivered" }], "the retry's outcome saved");
        var delivered = Assert.Single(await root.DeliveriesAsync(webhookId, "delivered"));
        Assert.Equal(2, delivered.GetProperty("attempts").GetInt32());
        Assert.Empty(await root.DeliveriesAsync(webhookId, "pending"));
        await (await root.DeleteAsync($"/api/admin/webhooks/{webhookId}")).OkAsync();
    }

    [Fact]
    public async Task Events_made_while_the_receiver_is_down_all_arrive_once_each_when_it_is_back()
    {
        var root = await server.RootAsync();
        await using var receiver = new WebhookReceiver(); // not listening: connections are refused
        var (webhookId, _) = await root.CreateWebhookAsync(receiver.Url, "user.created");

        for (var i = 0; i < 5; i++) await server.CreateClient().RegisterAsync();
        var failed = await server.WaitForRowsAsync(webhookId,
            rows => rows.Count == 5 && rows.All(r => r is { Status: "pending", Attempts: >= 1, LastError: not null }), "five failed attempts");
        Assert.All(failed, r => Assert.Null(r.LastStatusCode));

        await receiver.StartAsync();
        server.Clock.Advance(TimeSpan.FromSeconds(11));
        await server.WaitForRowsAsync(webhookId, rows => rows.Count == 5 && rows.All(r => r.Status == "delivered"), "all five delivered");
        var accepted = receiver.Accepted();
        Assert.Equal(5, accepted.Count);
        Assert.Equal(5, accepted.Select(a => a.Id).Distinct().Count());
        Assert.Equal(failed.Select(r => r.MessageId).Order(), accepted.Select(a => a.Id).Order());
        await (await root.DeleteAsync($"/api/admin/webhooks/{webhookId}")).OkAsync();
    }

    [Fact]
    public async Task After_the_last_attempt_a_delivery_is_failed_and_an_administrator_redelivers_it_with_the_same_id()
    {
        var root = await server.RootAsync();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (webhookId, _) = await root.CreateWebhookAsync(receiver.Url, "user.created");
        receiver.FailNext(3, 503);

        await server.CreateClient().RegisterAsync();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await server.WaitForRowsAsync(webhookId, rows => rows is [{ Attempts: var a }] && a == attempt && rows[0].LastStatusCode == 503
                && (rows[0].Status == "failed" || rows[0].NextAttemptAt < rows[0].LastAttemptAt!.Value.AddSeconds(15)), $"attempt {attempt}");
            server.Clock.Advance(TimeSpan.FromSeconds(11));
        }
        var failed = Assert.Single(await root.DeliveriesAsync(webhookId, "failed"));
        Assert.Equal(3, failed.GetProperty("attempts").GetInt32());
        Assert.Equal(503, failed.GetProperty("statusCode").GetInt32());
        Assert.Contains("503", failed.Str("error"));
        Assert.Empty(await root.DeliveriesAsync(webhookId, "delivered"));

        var deliveryId = failed.GetProperty("id").GetGuid();
        var path = $"/api/admin/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver";
        Assert.Equal(HttpStatusCode.Accepted, (await root.PostAsync(path, null)).StatusCode);
        await receiver.WaitForAsync(r => r.Accepted().Count == 1, "the redelivery");
        Assert.Equal(failed.Str("messageId"), receiver.Accepted()[0].Id);
        await server.WaitForRowsAsync(webhookId, rows => rows is [{ Status: "delivered" }], "the redelivery's outcome saved");
        Assert.Single(await root.DeliveriesAsync(webhookId, "delivered"));
        await (await root.DeleteAsync($"/api/admin/webhooks/{webhookId}")).OkAsync();
    }

    [Fact]
    public async Task A_receiver_answering_410_Gone_disables_the_webhook_and_the_disabling_is_in_the_activity_log()
    {
        var root = await server.RootAsync();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (webhookId, _) = await root.CreateWebhookAsync(receiver.Url, "user.created");
        receiver.FailNext(1, 410);

        await server.CreateClient().RegisterAsync();
        await server.WaitForRowsAsync(webhookId, rows => rows is [{ Status: "failed", LastStatusCode: 410 }], "a failed delivery");
        // The delivery's outcome, the endpoint's disabling and its activity row are saved one after the other (a
        // crash between them is healed by the next 410): wait for the last before reading the others.
        async Task<bool> DisablingRecordedAsync()
        {
            var activity = await (await root.GetAsync("/api/admin/activity?type=webhook.disabled")).OkAsync();
            return activity.GetProperty("activities").EnumerateArray().Any(a => a.GetRawText().Contains(webhookId.ToString()));
        }
        for (var i = 0; i < 100 && !await DisablingRecordedAsync(); i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(await DisablingRecordedAsync());
        var webhook = (await (await root.GetAsync($"/api/admin/webhooks/{webhookId}")).OkAsync()).GetProperty("webhook");
        Assert.False(webhook.GetProperty("active").GetBoolean());
        Assert.Contains("410", webhook.Str("disabledReason"));

        // Disabled: new events are not queued for it.
        await server.CreateClient().RegisterAsync();
        Assert.Single(await root.DeliveriesAsync(webhookId));
        await (await root.DeleteAsync($"/api/admin/webhooks/{webhookId}")).OkAsync();
    }
}
