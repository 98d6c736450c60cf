using System.Net;
using System.Net.Sockets;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Host;

/// <summary>
/// What an operator sees when the server cannot start: one line saying what is wrong and how to fix it, exit
/// code 1, no stack trace, and nothing done to the database before the settings were checked.
/// </summary>
public sealed class StartupErrorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("Latchkey__Database__Provider", "oracle", "Latchkey:Database:Provider must be 'sqlite' or 'postgres'")]
    [InlineData("Latchkey__Admin__Password", "password", "Latchkey:Admin:Password is too weak")]
    [InlineData("Latchkey__Nhost__ConcealErrors", "perhaps", "Latchkey:Nhost:ConcealErrors")]
    public async Task A_bad_setting_is_one_line_and_exit_1_before_the_database_is_touched(string key, string value, string expected)
    {
        await using var server = ServerProcess.Start(new Dictionary<string, string> { [key] = value, ["Latchkey__Admin__Email"] = "admin@example.com",
            ["Latchkey__Admin__Password"] = key == "Latchkey__Admin__Password" ? value : "granite-Orchard-71-steady-Beacon" });
        await AssertOneLineFailureAsync(server, expected);
        Assert.False(File.Exists(Path.Combine(server.WorkingDirectory, "data", "latchkey.db")), "the database was created before the settings were checked");
    }

    [Fact]
    public async Task PostgreSQL_without_a_connection_string_is_one_line_and_exit_1()
    {
        await using var server = ServerProcess.Start(new Dictionary<string, string> { ["Latchkey__Database__Provider"] = "postgres" });
        await AssertOneLineFailureAsync(server, "ConnectionStrings:Latchkey is required");
    }

    [Fact]
    public async Task An_unreachable_database_is_one_line_and_exit_1()
    {
        await using var server = ServerProcess.Start(new Dictionary<string, string>
        {
            ["Latchkey__Database__Provider"] = "postgres",
            ["ConnectionStrings__Latchkey"] = $"Host=127.0.0.1;Port={FreePort()};Database=latchkey;Username=latchkey;Password=x;Timeout=3",
        });
        await AssertOneLineFailureAsync(server, "Cannot use the database");
    }

    [Fact]
    public async Task A_busy_port_is_one_line_and_exit_1()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        await using var server = ServerProcess.Start(new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" });
        await AssertOneLineFailureAsync(server, $"Port {port} is already in use");
    }

    [Fact]
    public async Task The_banner_names_the_SQLite_file_the_connection_string_opens()
    {
        var file = Path.Combine(Path.GetTempPath(), $"latchkey-banner-{Guid.NewGuid():N}.db");
        try
        {
            await using var server = ServerProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__Latchkey"] = $"Data Source={file}" });
            await server.RunningAsync(Timeout);
            Assert.Contains($"SQLite at {file}", server.Output);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }) File.Delete(path);
        }
    }

    [Fact]
    public async Task The_first_start_on_a_fresh_database_logs_no_error()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var server = ServerProcess.Start(database.Settings.ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!));
        await server.RunningAsync(Timeout);
        Assert.DoesNotContain("\"LogLevel\":\"Error\"", server.Output);
        Assert.DoesNotContain("fail:", server.Output);
    }

    private static async Task AssertOneLineFailureAsync(ServerProcess server, string expected)
    {
        var exitCode = await server.ExitCodeAsync(Timeout);
        var output = server.Output;
        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            l => l.StartsWith("Latchkey cannot start:", StringComparison.Ordinal));
        Assert.Contains(expected, line);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("\"LogLevel\":\"Error\"", output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
