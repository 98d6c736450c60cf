using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.Webhooks;
using Xunit;

namespace Latchkey.Api.Tests.Operations;

/// <summary>
/// A metrics server whose mail relay and webhook receiver are both down (refused connections), so what it queues stays
/// pending; readiness is degraded from one waiting message and unhealthy from one waiting webhook delivery; no cache.
/// </summary>
public sealed class BacklogServer : MetricsServer
{
    protected override void Configure(IDictionary<string, string> environment)
    {
        environment["Latchkey__Admin__Email"] = AdminServer.AdminEmail;
        environment["Latchkey__Admin__Password"] = Accounts.Password;
        environment["Latchkey__Email__Mode"] = "smtp";
        environment["Latchkey__Email__Smtp__Host"] = "127.0.0.1";
        environment["Latchkey__Email__Smtp__Port"] = ClosedPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["Latchkey__Email__Smtp__Security"] = "none";
        environment["Latchkey__Email__From"] = "accounts@latchkey.test";
        environment["Latchkey__Webhooks__AllowPrivateNetworks"] = "true";
        environment["Latchkey__Webhooks__AllowedHttpHosts__0"] = "127.0.0.1";
        environment["Latchkey__Backlog__CacheDuration"] = "00:00:00";
        environment["Latchkey__Backlog__Outbox__DegradedPending"] = "1";
        environment["Latchkey__Backlog__Webhooks__DegradedPending"] = "0";
        environment["Latchkey__Backlog__Webhooks__UnhealthyPending"] = "1";
    }

    /// <summary>A loopback port nobody listens on.</summary>
    public static readonly int ClosedPort = FreePort();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// The outbox and webhook backlog: the gauges at <c>/metrics</c> move once mail and a webhook delivery are queued, and
/// <c>/health/ready</c> reports both queues, degraded and then unhealthy past the configured thresholds.
/// </summary>
public sealed class BacklogTests(BacklogServer server) : IClassFixture<BacklogServer>
{
    [Fact]
    public async Task Queued_mail_and_webhooks_move_the_gauges_and_readiness_reports_them()
    {
        var client = server.CreateClient();
        var (status, ready) = await ReadyAsync(client);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (status, ready.GetProperty("status").GetString()));
        var backlog = ready.GetProperty("checks").GetProperty("backlog");
        Assert.Equal(0, backlog.GetProperty("data").GetProperty("outboxPending").GetInt64());
        Assert.Equal(0, backlog.GetProperty("data").GetProperty("webhooksPending").GetInt64());
        var before = await server.ScrapeAsync();
        Assert.Equal(0, MetricsServer.Value(before, "latchkey_backlog_pending", "queue=\"outbox\""));
        Assert.Contains("latchkey_backlog_pending{", before);

        // Mail: a reset link to an existing account, through a relay that refuses connections.
        var email = await client.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/forgot-password", new { email })).StatusCode);
        var afterMail = await ScrapeUntilAsync("latchkey_backlog_pending", "queue=\"outbox\"");
        (status, ready) = await ReadyAsync(client);
        Assert.Equal((HttpStatusCode.OK, "Degraded"), (status, ready.GetProperty("status").GetString()));
        backlog = ready.GetProperty("checks").GetProperty("backlog");
        Assert.Equal("Degraded", backlog.GetProperty("status").GetString());
        Assert.Contains("outbox (mail and SMS) backlog is past its degraded threshold", backlog.GetProperty("description").GetString());
        Assert.True(backlog.GetProperty("data").GetProperty("outboxPending").GetInt64() >= 1);
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());

        // A webhook to a receiver that refuses connections, then an event for it.
        var root = server.CreateClient();
        await root.PlatformLoginAsync(AdminServer.AdminEmail);
        await root.CreateWebhookAsync($"http://127.0.0.1:{BacklogServer.ClosedPort}/hook", "*");
        await client.RegisterAsync();
        var afterWebhook = await ScrapeUntilAsync("latchkey_backlog_pending", "queue=\"webhooks\"");
        Assert.True(MetricsServer.Value(afterWebhook, "latchkey_backlog_oldest_age_seconds", "queue=\"outbox\"")
                    >= MetricsServer.Value(afterMail, "latchkey_backlog_oldest_age_seconds", "queue=\"outbox\""), "the oldest message ages");
        Assert.True(MetricsServer.Value(afterWebhook, "latchkey_backlog_oldest_age_seconds", "queue=\"outbox\"") > 0);
        (status, ready) = await ReadyAsync(client);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (status, ready.GetProperty("status").GetString()));
        backlog = ready.GetProperty("checks").GetProperty("backlog");
        Assert.Contains("webhook deliveries backlog is past its unhealthy threshold", backlog.GetProperty("description").GetString());
        Assert.True(backlog.GetProperty("data").GetProperty("webhooksPending").GetInt64() >= 1);

        // The container's HEALTHCHECK command sees the same answer.
        var check = await LatchkeyCommand.RunAsync(new Dictionary<string, string?>(), null, "health", "--url", client.BaseAddress!.ToString());
        Assert.Equal(1, check.ExitCode);
        Assert.StartsWith("503 ", check.Output);
    }

    private static async Task<(HttpStatusCode, JsonElement)> ReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Scrapes until the gauge shows at least one waiting row (requests queue their work in the background).</summary>
    private async Task<string> ScrapeUntilAsync(string metric, string label)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var exposition = await server.ScrapeAsync();
            if (MetricsServer.Value(exposition, metric, label) >= 1) return exposition;
            Assert.True(DateTime.UtcNow < deadline, $"{metric}{{{label}}} never moved:\n{exposition}");
            await Task.Delay(50);
        }
    }
}
