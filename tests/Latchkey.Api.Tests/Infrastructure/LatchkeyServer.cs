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
    /// <summary>The settings that open this server's database, for a command-line process working on the same data.</summary>
    public IReadOnlyDictionary<string, string?> DatabaseSettings => _database!.Settings;
    /// <summary>This server's development outbox (.eml files, and sms/*.txt).</summary>
    public string OutboxPath { get; } = Directory.CreateTempSubdirectory("latchkey-outbox-").FullName;

    /// <summary>The hosting environment (Production turns on what only production does, such as HSTS).</summary>
    protected virtual string Environment => "Testing";

    /// <summary>Settings on top of the defaults below; override to add or change.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings) { }

    /// <summary>Extra services for a test server (e.g. a failing component); override to add.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    /// <summary>Starts what the server talks to (a fake SMS provider...) before the server itself.</summary>
    protected virtual ValueTask BeforeStartAsync() => ValueTask.CompletedTask;

    /// <summary>Stops what <see cref="BeforeStartAsync"/> started.</summary>
    protected virtual ValueTask AfterStopAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        await BeforeStartAsync();
        _database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>(_database.Settings)
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Latchkey:PublicUrl"] = "http://latchkey.test",
            ["Latchkey:Passwords:Hashing:Iterations"] = "1",
            ["Latchkey:Passwords:Hashing:MemoryKiB"] = "1024",
            ["Latchkey:RateLimits:Enabled"] = "false",
            ["Latchkey:Email:Mode"] = "outbox",
            ["Latchkey:Email:OutboxPath"] = OutboxPath,
            ["Latchkey:Messaging:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
        };
        Configure(settings);

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(Environment);
            web.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
            web.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                ConfigureServices(services);
            });
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
    /// <summary>
    /// Moves the clock once every queued message has gone out: a jump while a message is being sent would
    /// make its claim lapse and send it twice (as a crash would), which tests counting messages must not see.
    /// </summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
                   db.OutgoingMessages, m => m.Status == Core.Messaging.MessageStatuses.Pending)))
        {
            if (DateTime.UtcNow > deadline)
            {
                var stuck = await QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                    db.OutgoingMessages.Where(m => m.Status == Core.Messaging.MessageStatuses.Pending)));
                throw new TimeoutException("The outbox did not empty: " + string.Join("; ",
                    stuck.Select(m => $"{m.Template} to {m.Recipient} attempts={m.Attempts} next={m.NextAttemptAt:O} error={m.LastError}")) + $" clock={Clock.GetUtcNow():O}");
            }
            await Task.Delay(50);
        }
        Clock.Advance(by);
    }

    /// <summary>A database context of the server, for checks the API does not expose (the outbox table).</summary>
    public async Task<T> QueryAsync<T>(Func<Latchkey.Data.LatchkeyDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<Latchkey.Data.LatchkeyDbContext>());
    }

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
        if (Directory.Exists(OutboxPath) && System.Environment.GetEnvironmentVariable("LATCHKEY_TEST_KEEP_OUTBOX") is null) Directory.Delete(OutboxPath, recursive: true);
        await AfterStopAsync();
        GC.SuppressFinalize(this);
    }
}
