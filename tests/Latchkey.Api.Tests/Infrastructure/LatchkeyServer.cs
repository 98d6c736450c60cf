using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>
/// One real Latchkey server per test class: Kestrel on a loopback port, its own fresh database, a
/// clock the tests can move, and cheap Argon2 parameters (set through configuration only).
/// Subclasses change settings for the behaviour they test (lockout, rate limits...).
/// </summary>
public class LatchkeyServer : IAsyncLifetime
{
    // WebApplicationFactory finds the app's builder through a process-wide diagnostic event while the
    // entry point runs; two factories starting at once can pick up each other's builder (and so share a
    // database and settings). Starting one server at a time keeps every class on its own server.
    private static readonly SemaphoreSlim StartLock = new(1, 1);

    private WebApplicationFactory<Program>? _factory;
    private TestDatabase? _database;

    public TestClock Clock { get; } = new();
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;
    public string Provider => _database!.Provider;

    /// <summary>Settings on top of the defaults below; override to add or change.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings) { }

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>(_database.Settings)
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Latchkey:PublicUrl"] = "http://latchkey.test",
            ["Latchkey:Passwords:Hashing:Iterations"] = "1",
            ["Latchkey:Passwords:Hashing:MemoryKiB"] = "1024",
            ["Latchkey:RateLimits:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
        };
        Configure(settings);

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
            web.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        _factory.UseKestrel(0);
        await StartLock.WaitAsync();
        try
        {
            _factory.StartServer();
        }
        finally
        {
            StartLock.Release();
        }
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
    }

    /// <summary>A client with its own cookie jar, speaking real HTTP to the server.</summary>
    public HttpClient CreateClient()
    {
        var jar = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = jar, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
        };
        Cookies.Remember(client, jar);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
