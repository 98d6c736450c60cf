using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Webhooks;

/// <summary>
/// The real server binary killed with SIGKILL while its outbox holds undelivered rows (the receiver is down): a new
/// process on the same database delivers every one of them, once each, when the receiver is back.
/// </summary>
public sealed class WebhookRestartTests
{
    [Fact]
    public async Task Rows_queued_before_a_SIGKILL_are_delivered_once_each_after_the_restart()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var receiver = new WebhookReceiver(); // down for now
        var port = FreePort();
        var environment = Environment(database, port);

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
        await receiver.WaitForAsync(r => r.OfType("user.created").Count >= 3, "the three queued events", TimeSpan.FromSeconds(30));
        var accepted = receiver.OfType("user.created");
        Assert.Equal(3, accepted.Count);
        Assert.Equal(3, accepted.Select(a => a.Id).Distinct().Count());
        var userIds = accepted.Select(a => a.Payload.GetProperty("data").GetProperty("userId").GetString()).Distinct().Count();
        Assert.Equal(3, userIds);
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

    private static Dictionary<string, string> Environment(TestDatabase database, int port)
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
        environment["Latchkey__Webhooks__MaxRetryDelay"] = "00:00:01";
        environment["Latchkey__Webhooks__PollInterval"] = "00:00:00.100";
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
