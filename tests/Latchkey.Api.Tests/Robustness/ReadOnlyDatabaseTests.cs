using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace Latchkey.Api.Tests.Robustness;

/// <summary>A server whose log the test reads, so it can check what an operator sees when the database refuses writes.</summary>
public class LoggedServer : LatchkeyServer
{
    public LogCapture Log { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Log);
}

/// <summary>
/// A read-only database (PostgreSQL: <c>default_transaction_read_only</c> set on the test's own database; SQLite: the
/// file made immutable, so new connections open it read-only) is a 503 in each surface's error shape with one log line and no stack trace, and
/// <c>/health/ready</c> is unhealthy; on PostgreSQL it recovers by itself once the database is writable again.
/// </summary>
public sealed class ReadOnlyDatabaseTests(LoggedServer server) : IClassFixture<LoggedServer>
{
    // Each surface's write: two sign-ups and a sign-in (a new session) of an account made before.
    private static readonly string[] Writes = ["/api/auth/register", "/v1/signup/email-password", "/api/v1/auth/login"];

    [Fact]
    public async Task Writes_to_a_read_only_database_are_a_clear_503_and_readiness_fails()
    {
        var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var existing = await client.RegisterAsync();

        if (server.Provider == "postgres")
        {
            await SetReadOnlyAsync(true);
            try
            {
                await AssertRefusedAsync(server, client, existing);
            }
            finally
            {
                await SetReadOnlyAsync(false);
            }
            // New connections get the writable default again; the server needs no restart.
            Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/auth/register", NewAccount())).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            return;
        }

        // SQLite: the file made immutable (chmod means nothing to root, which the test machines run as); connections
        // opened after that open it read-only, as on a read-only volume.
        var file = server.DatabaseSettings["Latchkey:Database:SqlitePath"]!;
        await ChattrAsync("+i", file);
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await AssertRefusedAsync(server, client, existing);
        }
        finally
        {
            await ChattrAsync("-i", file);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/auth/register", NewAccount())).StatusCode);
    }

    private static async Task ChattrAsync(string flag, string path)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"chattr {flag} {path}: {error}");
    }

    private static async Task AssertRefusedAsync(LoggedServer target, HttpClient client, string existing)
    {
        foreach (var path in Writes)
        {
            var response = await client.PostJsonAsync(path, path.EndsWith("/login", StringComparison.Ordinal)
                ? new { email = existing, username = existing, password = Accounts.Password }
                : NewAccount());
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {(int)response.StatusCode} {body}");
            Assert.NotNull(response.Headers.RetryAfter);
            SurfaceShapes.AssertShape(path, 503, body);
        }
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        var lines = target.Log.Lines;
        Assert.Contains(lines, l => l.Level == LogLevel.Error && l.Message.Contains("the database refuses writes (read-only)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Message.Contains("Unhandled error", StringComparison.Ordinal) || l.Message.Contains("   at ", StringComparison.Ordinal));
    }

    private static object NewAccount() => new { email = Accounts.NewEmail(), password = Accounts.Password };

    /// <summary>On the test's own database only; pooled connections keep their setting, so the pools are cleared.</summary>
    private async Task SetReadOnlyAsync(bool on)
    {
        var database = new NpgsqlConnectionStringBuilder(server.DatabaseSettings["ConnectionStrings:Latchkey"]).Database;
        await using (var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("LATCHKEY_TEST_PG")))
        {
            await admin.OpenAsync();
            await using var command = admin.CreateCommand();
            command.CommandText = $"ALTER DATABASE \"{database}\" SET default_transaction_read_only = {(on ? "on" : "off")}";
            await command.ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();
    }
}
