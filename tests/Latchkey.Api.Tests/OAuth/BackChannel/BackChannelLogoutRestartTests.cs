using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Web;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.Webhooks;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit;

namespace Latchkey.Api.Tests.OAuth.BackChannel;

/// <summary>
/// The real server binary: a sign-out queues a back-channel logout while the client's receiver is down, the process
/// is killed with SIGKILL, and a new process on the same database delivers the token once the receiver is back.
/// </summary>
public sealed class BackChannelLogoutRestartTests
{
    [Fact]
    public async Task A_logout_queued_before_a_SIGKILL_is_delivered_by_the_next_process()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var receiver = new WebhookReceiver(); // down for now
        var port = FreePort();
        var environment = Environment(database, port);

        string clientId, userId;
        var first = ServerProcess.Start(environment);
        try
        {
            await RunningAsync(first);
            (clientId, userId) = await SignInAndOutAsync(port, receiver.Url);
        }
        finally
        {
            await first.DisposeAsync(); // Process.Kill: SIGKILL, no graceful shutdown
        }
        Assert.Empty(receiver.Received);

        await receiver.StartAsync();
        await using var second = ServerProcess.Start(environment);
        await RunningAsync(second);
        // A notice the killed process had claimed mid-send is due again only when its lease lapses (Timeout + 1 minute).
        await receiver.WaitForAsync(r => r.Accepted().Count >= 1, "the queued logout token", TimeSpan.FromSeconds(120));
        var token = new JsonWebToken(HttpUtility.ParseQueryString(Assert.Single(receiver.Accepted()).Body)["logout_token"]);
        Assert.Equal(clientId, Assert.Single(token.Audiences));
        Assert.Equal(userId, token.Subject);
    }

    /// <summary>An admin-made client with the receiver as backchannel_logout_uri, a grant of a new account through it, then the account's sign-out.</summary>
    private static async Task<(string ClientId, string UserId)> SignInAndOutAsync(int port, string backchannelLogoutUri)
    {
        var admin = Client(port);
        await admin.PlatformLoginAsync(AdminServer.AdminEmail);
        var created = await (await admin.PostJsonAsync("/api/admin/oauth-clients", new
        {
            name = "Restart app", redirectUris = new[] { OAuthFlows.RedirectUri }, grantTypes = new[] { "authorization_code" },
            tokenEndpointAuthMethod = "client_secret_basic", firstParty = true, backchannelLogoutUri,
        })).OkAsync();
        var client = new TestClient(created.GetProperty("client").Str("clientId"), created.Str("clientSecret"), OAuthFlows.RedirectUri,
            created.GetProperty("client").GetProperty("id").GetGuid());

        var browser = Client(port);
        var email = await browser.RegisterAsync();
        await browser.PlatformLoginAsync(email);
        var userId = (await browser.MyIdAsync()).ToString();
        var pkce = Pkce.New();
        var code = await browser.CodeAsync(client, pkce, "openid");
        using var exchange = new HttpRequestMessage(HttpMethod.Post, "/api/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = client.RedirectUri, ["code_verifier"] = pkce.Verifier,
            }),
        };
        exchange.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:{client.Secret}")));
        await (await Client(port).SendAsync(exchange)).OkJsonAsync();

        await (await browser.PostAsync("/api/auth/logout", null)).OkAsync();
        return (client.ClientId, userId);
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
        environment["Latchkey__BackChannelLogout__RetryDelay"] = "00:00:00.200";
        environment["Latchkey__BackChannelLogout__MaxRetryDelay"] = "00:00:01";
        // Enough attempts that the notice does not give up while the receiver is down on a slow machine.
        environment["Latchkey__BackChannelLogout__MaxAttempts"] = "50";
        environment["Latchkey__BackChannelLogout__PollInterval"] = "00:00:00.100";
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
