using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Xunit;

namespace Latchkey.Browser.Tests;

/// <summary>
/// A Latchkey server on SQLite and one headless chromium for a test class. WebAuthn needs a secure
/// context and an RP ID the origin belongs to: http://localhost is both, so the server is reached as
/// localhost (not 127.0.0.1) and the RP ID is "localhost".
/// </summary>
public class BrowserServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AdminEmail = "admin@browser.test";
    public const string AdminPassword = "admin-Browser-Tests-73-cobalt";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private WebApplicationFactory<Program>? _factory;
    private DirectoryInfo? _directory;
    private IPlaywright? _playwright;

    public string Origin { get; private set; } = "";
    /// <summary>A second origin (another loopback port) allowed as a browser app by <c>Latchkey:Cors:AllowedOrigins</c>.</summary>
    public string AppOrigin { get; private set; } = "";
    public int AppPort { get; private set; }
    /// <summary>The same server by IP, for test code's own HTTP calls (Kestrel listens on 127.0.0.1 only).</summary>
    public Uri Direct { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // Kestrel cannot pick a dynamic port for "localhost", and the origin must be configured before
        // start: take a free loopback port first.
        var port = FreePort();
        Origin = $"http://localhost:{port}";
        Direct = new Uri($"http://127.0.0.1:{port}");
        AppPort = FreePort();
        AppOrigin = $"http://localhost:{AppPort}";
        _directory = Directory.CreateTempSubdirectory("latchkey-browser-");
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Latchkey:PublicUrl"] = Origin,
            ["Latchkey:Database:Provider"] = "sqlite",
            ["Latchkey:Database:SqlitePath"] = Path.Combine(_directory.FullName, "latchkey.db"),
            ["Latchkey:Passkeys:RelyingPartyId"] = "localhost",
            ["Latchkey:Passkeys:RelyingPartyName"] = "Latchkey browser tests",
            ["Latchkey:Passkeys:Origins:0"] = Origin,
            ["Latchkey:Passwords:Hashing:Iterations"] = "1",
            ["Latchkey:Passwords:Hashing:MemoryKiB"] = "1024",
            ["Latchkey:RateLimits:Enabled"] = "false",
            ["Latchkey:Cors:AllowedOrigins:0"] = AppOrigin,
            ["Latchkey:Admin:Email"] = AdminEmail,
            ["Latchkey:Admin:Password"] = AdminPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await BeforeStartAsync();
        Configure(settings);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        });
        _factory.UseKestrel(port);
        _factory.StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Starts what the server's settings point at (a local upstream), once <see cref="Origin"/> is known.</summary>
    protected virtual ValueTask BeforeStartAsync() => ValueTask.CompletedTask;

    protected virtual void Configure(IDictionary<string, string?> settings) { }

    protected virtual ValueTask AfterStopAsync() => ValueTask.CompletedTask;

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await AfterStopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory?.Delete(recursive: true);
    }
}
