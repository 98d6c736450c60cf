using Npgsql;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one server: a temporary SQLite file, or a new database on the private
/// PostgreSQL cluster that scripts/test.sh starts (LATCHKEY_TEST_DB=postgres, LATCHKEY_TEST_PG).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string Provider { get; }
    public IReadOnlyDictionary<string, string?> Settings { get; }
    private readonly Func<Task> _cleanup;

    private TestDatabase(string provider, IReadOnlyDictionary<string, string?> settings, Func<Task> cleanup)
    {
        Provider = provider;
        Settings = settings;
        _cleanup = cleanup;
    }

    public static string ConfiguredProvider =>
        Environment.GetEnvironmentVariable("LATCHKEY_TEST_DB") is { Length: > 0 } value ? value : "sqlite";

    public static async Task<TestDatabase> CreateAsync()
    {
        if (ConfiguredProvider == "postgres") return await CreatePostgresAsync();
        var directory = Directory.CreateTempSubdirectory("latchkey-test-");
        return new TestDatabase("sqlite",
            new Dictionary<string, string?>
            {
                ["Latchkey:Database:Provider"] = "sqlite",
                ["Latchkey:Database:SqlitePath"] = Path.Combine(directory.FullName, "latchkey.db"),
            },
            () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                directory.Delete(recursive: true);
                return Task.CompletedTask;
            });
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable("LATCHKEY_TEST_PG")
            ?? throw new InvalidOperationException("LATCHKEY_TEST_DB=postgres needs LATCHKEY_TEST_PG (scripts/test.sh sets it).");
        var name = "lk_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 20 }.ConnectionString;
        return new TestDatabase("postgres",
            new Dictionary<string, string?>
            {
                ["Latchkey:Database:Provider"] = "postgres",
                ["ConnectionStrings:Latchkey"] = connection,
            },
            async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            });
    }

    /// <summary>The first column of every row a query returns, read directly (to see what is stored, as a backup would hold it).</summary>
    public async Task<IReadOnlyList<string>> QueryStringsAsync(string sql)
    {
        await using System.Data.Common.DbConnection connection = Provider == "postgres"
            ? new NpgsqlConnection(Settings["ConnectionStrings:Latchkey"])
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Settings["Latchkey:Database:SqlitePath"]};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => new(_cleanup());
}
