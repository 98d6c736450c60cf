using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Latchkey.Data;

/// <summary>Applies pending migrations (EF's history table and its migration lock make this safe with several nodes).</summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Applies what is pending; returns the ids it applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>();
        if (db.Database.IsSqlite()) await PrepareSqliteAsync(db, ct);

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(ct);
        return pending;
    }

    /// <summary>The migrations the database has, and those it lacks (<c>latchkey migrate --status</c>).</summary>
    public async Task<(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending)> StatusAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>();
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        return (applied, pending);
    }

    /// <summary>Where the data really is, for the start-up banner: the SQLite file the context opens, or the PostgreSQL host and database.</summary>
    public string Location()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>().Database;
        if (db.IsSqlite()) return $"SQLite at {Path.GetFullPath(new SqliteConnectionStringBuilder(db.GetConnectionString()).DataSource)}";
        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(db.GetConnectionString());
        return $"PostgreSQL database {postgres.Database} on {postgres.Host}:{postgres.Port}";
    }

    /// <summary>The generated schema script, for writing a new migration (`latchkey schema-script`).</summary>
    public string CreateScript()
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>().Database.GenerateCreateScript();
    }

    private static async Task PrepareSqliteAsync(LatchkeyDbContext db, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        // WAL lets readers proceed while one writer commits: sign-ins keep reading during refresh writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
