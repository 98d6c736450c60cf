using System.Net;
using System.Net.Sockets;
using Latchkey.Core.Credentials;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Tests.Credentials;

public sealed class HibpBreachedPasswordCheckerTests : IAsyncLifetime
{
    private FakePwnedPasswordsServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakePwnedPasswordsServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Listed_password_is_breached_and_only_the_prefix_is_sent_with_padding_requested()
    {
        _server.AddBreached("hunter2-but-longer", 1234);

        var breached = await Checker(_server.BaseUrl).IsBreachedAsync("hunter2-but-longer", TestContext.Current.CancellationToken);

        Assert.True(breached);
        var (path, addPadding) = Assert.Single(_server.Requests);
        Assert.Equal($"/range/{FakePwnedPasswordsServer.Sha1("hunter2-but-longer")[..5]}", path);
        Assert.Equal("true", addPadding);
    }

    [Fact]
    public async Task Unlisted_password_is_not_breached()
    {
        _server.AddBreached("hunter2-but-longer", 1234);

        Assert.False(await Checker(_server.BaseUrl).IsBreachedAsync("Blue-Kettle-Orbit-7", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Padding_entry_with_count_zero_is_not_a_breach()
    {
        _server.AddPadding("Blue-Kettle-Orbit-7");

        Assert.False(await Checker(_server.BaseUrl).IsBreachedAsync("Blue-Kettle-Orbit-7", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Base_url_with_trailing_slash_works()
    {
        _server.AddBreached("hunter2-but-longer", 3);

        Assert.True(await Checker(_server.BaseUrl + "/").IsBreachedAsync("hunter2-but-longer", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Server_error_means_could_not_tell()
    {
        _server.StatusCode = 503;
        var logger = new ListLogger<HibpBreachedPasswordChecker>();

        Assert.Null(await Checker(_server.BaseUrl, logger: logger).IsBreachedAsync("anything at all", TestContext.Current.CancellationToken));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("503"));
    }

    [Fact]
    public async Task Slow_server_times_out_as_could_not_tell()
    {
        _server.Delay = TimeSpan.FromSeconds(10);

        var started = DateTime.UtcNow;
        var result = await Checker(_server.BaseUrl, timeoutMs: 200).IsBreachedAsync("anything at all", TestContext.Current.CancellationToken);

        Assert.Null(result);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Caller_cancellation_is_not_swallowed()
    {
        _server.Delay = TimeSpan.FromSeconds(10);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Checker(_server.BaseUrl, timeoutMs: 5000).IsBreachedAsync("anything at all", cancellation.Token));
    }

    [Fact]
    public async Task Server_down_means_could_not_tell()
    {
        Assert.Null(await Checker(ClosedPortUrl()).IsBreachedAsync("anything at all", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Policy_with_server_down_follows_fail_closed(bool failClosed)
    {
        var options = new BreachCheckOptions { Mode = BreachCheckModes.Hibp, HibpBaseUrl = ClosedPortUrl(), FailClosed = failClosed };
        var policy = PasswordPolicyTests.Policy(o => o.BreachCheck = options, Checker(options));

        var result = await policy.CheckAsync("Blue-Kettle-Orbit-7", [], TestContext.Current.CancellationToken);

        Assert.Equal(!failClosed, result.IsSuccess);
        if (failClosed)
        {
            Assert.Equal(PasswordPolicy.RuleBreachCheckUnavailable, result.Error!.Details?["rule"]);
        }
    }

    [Fact]
    public async Task Policy_rejects_a_password_the_server_lists()
    {
        _server.AddBreached("Blue-Kettle-Orbit-7", 42);
        var options = new BreachCheckOptions { Mode = BreachCheckModes.Hibp, HibpBaseUrl = _server.BaseUrl };

        var result = await PasswordPolicyTests.Policy(o => o.BreachCheck = options, Checker(options))
            .CheckAsync("Blue-Kettle-Orbit-7", [], TestContext.Current.CancellationToken);

        Assert.Equal(PasswordPolicy.RuleBreached, result.Error?.Details?["rule"]);
    }

    // Generous by default: a first call to the local fake on a loaded machine must not read as an outage
    // (the timeout tests pass their own short value).
    private static HibpBreachedPasswordChecker Checker(
        string baseUrl, int timeoutMs = 15000, ILogger<HibpBreachedPasswordChecker>? logger = null) =>
        Checker(new BreachCheckOptions { Mode = BreachCheckModes.Hibp, HibpBaseUrl = baseUrl, TimeoutMs = timeoutMs }, logger);

    private static HibpBreachedPasswordChecker Checker(
        BreachCheckOptions options, ILogger<HibpBreachedPasswordChecker>? logger = null)
    {
        var factory = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new HibpBreachedPasswordChecker(
            factory, Options.Create(options), logger ?? new ListLogger<HibpBreachedPasswordChecker>());
    }

    // A port that was just free: connecting to it is refused at once.
    private static string ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
