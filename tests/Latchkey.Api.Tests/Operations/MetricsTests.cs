using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Operations;

/// <summary>
/// A server process with Prometheus metrics on, behind a bearer token. A process of its own rather than the in-process
/// test host: meters are process-wide by name, and OpenTelemetry would take the first test server's "Latchkey" meter.
/// </summary>
public class MetricsServer : IAsyncLifetime
{
    public const string Token = "metrics-token-0123456789abcdefghijklmnop";
    private TestDatabase _database = null!;
    private ServerProcess _process = null!;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        _address = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}");
        probe.Stop();
        var environment = _database.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["Urls"] = _address.ToString();
        environment["Latchkey__RateLimits__Enabled"] = "false";
        environment["Latchkey__Telemetry__MetricsEnabled"] = "true";
        environment["Latchkey__Telemetry__MetricsToken"] = Token;
        Configure(environment);
        _process = ServerProcess.Start(environment);
        await _process.RunningAsync(TimeSpan.FromMinutes(2));
    }

    /// <summary>More settings for a derived server (environment variable names).</summary>
    protected virtual void Configure(IDictionary<string, string> environment) { }

    public HttpClient CreateClient() => new() { BaseAddress = _address };

    /// <summary>The Prometheus exposition, read with the token.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var response = await CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sample of <paramref name="metric"/> whose labels contain <paramref name="label"/>; 0 when absent (nothing counted yet).</summary>
    public static double Value(string exposition, string metric, string label) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => line.Contains(label, StringComparison.Ordinal))
            .Select(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Sum();

    public virtual async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>
/// <c>/metrics</c> answers only the scraper holding the token, and Latchkey's counters move with a sign-in, a failed
/// sign-in and a refresh (ASP.NET Core's own instruments are there too).
/// </summary>
public sealed class MetricsTests(MetricsServer server) : IClassFixture<MetricsServer>
{
    [Fact]
    public async Task Metrics_need_the_token()
    {
        var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics", "not-the-token")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics", MetricsServer.Token)).StatusCode);
    }

    [Fact]
    public async Task The_health_command_exits_0_for_a_ready_server_and_1_for_none()
    {
        var address = server.CreateClient().BaseAddress!.ToString();
        var ready = await LatchkeyCommand.RunAsync(new Dictionary<string, string?>(), null, "health", "--url", address, "--timeout", "60");
        Assert.True(ready.ExitCode == 0, ready.ToString());
        Assert.StartsWith("200 {\"status\":\"Healthy\"", ready.Output);
        var none = await LatchkeyCommand.RunAsync(new Dictionary<string, string?>(), null, "health", "--url", $"http://127.0.0.1:{BacklogServer.ClosedPort}", "--timeout", "2");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("did not answer", none.Error);
    }

    [Fact]
    public async Task Sign_ins_failures_refreshes_and_tokens_move_the_counters()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        var before = await ScrapeAsync();

        var (_, refresh) = await client.SimpleLoginAsync(email);
        var failed = await client.PostJsonAsync("/api/v1/auth/login", new { username = email, password = "wrong-password-entirely" });
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        Assert.True((await client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).IsSuccessStatusCode);

        var after = await ScrapeAsync();
        Assert.Equal(1, Value(after, "latchkey_sign_ins_total", "outcome=\"success\"") - Value(before, "latchkey_sign_ins_total", "outcome=\"success\""));
        Assert.Equal(1, Value(after, "latchkey_sign_ins_total", "outcome=\"failure\"") - Value(before, "latchkey_sign_ins_total", "outcome=\"failure\""));
        Assert.Equal(1, Value(after, "latchkey_refreshes_total", "outcome=\"success\"") - Value(before, "latchkey_refreshes_total", "outcome=\"success\""));
        Assert.True(Value(after, "latchkey_access_tokens_issued_total", "") - Value(before, "latchkey_access_tokens_issued_total", "") >= 2);
        Assert.Contains("http_server_request_duration_seconds", after);
    }

    private Task<string> ScrapeAsync() => server.ScrapeAsync();

    private static double Value(string exposition, string metric, string label) => MetricsServer.Value(exposition, metric, label);
}

/// <summary>By default there is no metrics endpoint at all.</summary>
public sealed class MetricsOffTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task Metrics_are_off_by_default()
    {
        var response = await server.CreateClient().GetAsync("/metrics", MetricsServer.Token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
