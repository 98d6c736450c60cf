using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>A server whose endpoints are disabled after two failed attempts in a row.</summary>
public sealed class ShortFailureRunWebhookServer : WebhookServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Latchkey:Webhooks:DisableAfterFailures"] = "2";
    }
}

/// <summary>
/// The endpoint's run of failed attempts, counted once per lane: a success clears it, and reaching
/// <c>DisableAfterFailures</c> disables the endpoint with its reason and a <c>webhook.disabled</c> activity row.
/// </summary>
public sealed class WebhookFailureRunTests(ShortFailureRunWebhookServer server) : IClassFixture<ShortFailureRunWebhookServer>
{
    [Fact]
    public async Task A_success_clears_the_failure_run_and_a_full_run_disables_the_endpoint()
    {
        var root = await server.RootAsync();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (webhookId, _) = await root.CreateWebhookAsync(receiver.Url, "user.created");

        receiver.FailNext(1, 500);
        await server.CreateClient().RegisterAsync();
        await server.WaitForRowsAsync(webhookId, rows => rows is [{ Attempts: 1, LastStatusCode: 500 }], "a failed first attempt");
        Assert.Equal(1, (await WebhookAsync(root, webhookId)).GetProperty("consecutiveFailures").GetInt32());

        server.Clock.Advance(TimeSpan.FromSeconds(11));
        await server.WaitForRowsAsync(webhookId, rows => rows is [{ Status: "delivered" }], "the retry delivered");
        var cleared = await WebhookAsync(root, webhookId);
        Assert.Equal(0, cleared.GetProperty("consecutiveFailures").GetInt32());
        Assert.True(cleared.GetProperty("active").GetBoolean());

        receiver.FailNext(2, 500);
        await server.CreateClient().RegisterAsync();
        await server.CreateClient().RegisterAsync();
        var webhook = await WebhookAsync(root, webhookId);
        for (var i = 0; i < 200 && webhook.GetProperty("active").GetBoolean(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            webhook = await WebhookAsync(root, webhookId);
        }
        Assert.False(webhook.GetProperty("active").GetBoolean());
        Assert.Equal("2 failed attempts in a row", webhook.Str("disabledReason"));
        Assert.Equal(2, webhook.GetProperty("consecutiveFailures").GetInt32());
        // The disabling and its activity row are one transaction.
        var activity = await (await root.GetAsync("/api/admin/activity?type=webhook.disabled")).OkAsync();
        Assert.Contains(activity.GetProperty("activities").EnumerateArray(), a => a.GetRawText().Contains(webhookId.ToString()));
        await (await root.DeleteAsync($"/api/admin/webhooks/{webhookId}")).OkAsync();
    }

    private static async Task<System.Text.Json.JsonElement> WebhookAsync(HttpClient root, Guid id) =>
        (await (await root.GetAsync($"/api/admin/webhooks/{id}")).OkAsync()).GetProperty("webhook");
}
