using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>
/// The real server binary, as separate processes on one database: killed with SIGKILL while its outbox holds
/// undelivered rows, a new process delivers every one once; two nodes running at once deliver each event once
/// between them (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one writer).
/// </summary>
public sealed class WebhookRestartTests
{
    [Fact]
    public async Task Rows_queued_before_a_SIGKILL_are_delivered_once_each_after_the_restart()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var receiver = new WebhookReceiver(); // down for now
        var port = FreePort();
        var environment = Environment(database, port, shortLease: true);

        var first = ServerProcess.Start(environment);
        string[] emails;
        try
        {
            await RunningAsync(first);
            var admin = Client(port);
            await admin.PlatformLoginAsync(AdminServer.AdminEmail);
            await admin.CreateWebhookAsync(receiver.Url, "user.created");
            emails = [Accounts.NewEmail(), Accounts.NewEmail(), Accounts.NewEmail()];
            foreach (var email in emails) await Client(port).RegisterAsync(email);
        }
        finally
        {
            await first.DisposeAsync(); // Process.Kill: SIGKILL, no graceful shutdown
        }
        Assert.Empty(receiver.Received);

        await receiver.StartAsync();
        await using var second = ServerProcess.Start(environment);
        await RunningAsync(second);
        // A row the killed node had claimed mid-send is due again only when its lease lapses (ClaimLease, 3 s here; the
        // production default is a batch's worst case plus a minute): the wait covers that, or the test would race the kill.
        await receiver.WaitForAsync(r => r.OfType("user.created").Count >= 3, "the three queued events", TimeSpan.FromSeconds(60));
        var accepted = receiver.OfType("user.created");
        Assert.Equal(3, accepted.Count);
        Assert.Equal(3, accepted.Select(a => a.Id).Distinct().Count());
        var userIds = accepted.Select(a => a.Payload.GetProperty("data").GetProperty("userId").GetString()).Distinct().Count();
        Assert.Equal(3, userIds);
    }

    [Fact]
    public async Task Two_nodes_on_one_database_deliver_each_event_exactly_once_between_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        int portA = FreePort(), portB = FreePort();
        await using var nodeA = ServerProcess.Start(Environment(database, portA));
        await RunningAsync(nodeA); // migrates and bootstraps first
        await using var nodeB = ServerProcess.Start(Environment(database, portB));
        await RunningAsync(nodeB);

        var admin = Client(portA);
        await admin.PlatformLoginAsync(AdminServer.AdminEmail);
        await admin.CreateWebhookAsync(receiver.Url, "user.created", "login.success");
        for (var i = 0; i < 10; i++)
        {
            var client = Client(i % 2 == 0 ? portA : portB);
            var email = await client.RegisterAsync();
            await client.PlatformLoginAsync(email);
        }

        await receiver.WaitForAsync(r => r.Accepted().Count >= 20, "twenty events", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1)); // real processes, no clock to move: room for a duplicate to show
        var accepted = receiver.Accepted();
        Assert.Equal(20, accepted.Count);
        Assert.Equal(20, accepted.Select(a => a.Id).Distinct().Count());
        Assert.Equal(10, accepted.Count(a => a.Type == "user.created"));
    }

    private static async Task RunningAsync(ServerProcess server)
    {
        try
        {
            await server.RunningAsync(TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The server did not start:\n" + server.Output);
        }
    }

    private static Dictionary<string, string> Environment(TestDatabase database, int port, bool shortLease = false)
    {
        var environment = database.Settings.ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!);
        environment["Urls"] = $"http://127.0.0.1:{port}";
        environment["Latchkey__PublicUrl"] = "http://latchkey.test";
        environment["Latchkey__Admin__Email"] = AdminServer.AdminEmail;
        environment["Latchkey__Admin__Password"] = Accounts.Password;
        environment["Latchkey__RateLimits__Enabled"] = "false";
        environment["Latchkey__Webhooks__AllowPrivateNetworks"] = "true";
        environment["Latchkey__Webhooks__AllowedHttpHosts__0"] = "127.0.0.1";
        environment["Latchkey__Webhooks__RetryDelay"] = "00:00:00.200";
        environment["Latchkey__Webhooks__MaxRetryDelay"] = "00:00:02";
        // Enough attempts (about 90 s of back-off) that no row gives up while the receiver is down on a slow machine.
        environment["Latchkey__Webhooks__MaxAttempts"] = "50";
        environment["Latchkey__Webhooks__PollInterval"] = "00:00:00.100";
        if (!shortLease) return environment;
        // A short lease, so rows the killed node held are back in seconds: it must outlast a lane of the batch
        // (Timeout × ceil(BatchSize / MaxConcurrencyPerEndpoint) = 2 s), which the server checks at start. Only for one
        // node at a time: a node's dispatcher claims again only after its batch is saved, but with two nodes a lease
        // that lapses before a loaded machine saves the outcome lets the other node send the row again.
        environment["Latchkey__Webhooks__Timeout"] = "00:00:02";
        environment["Latchkey__Webhooks__BatchSize"] = "8";
        environment["Latchkey__Webhooks__ClaimLease"] = "00:00:03";
        return environment;
    }

    private static HttpClient Client(int port) => new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
    };

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
