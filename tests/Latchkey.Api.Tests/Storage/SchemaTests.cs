using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Storage;

/// <summary>
/// The hand-written migration scripts must produce exactly what the model reads and writes: every
/// table and column of the model is queried on the migrated database of the current provider.
/// </summary>
public sealed class SchemaTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task Every_migration_is_applied_and_none_is_pending()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>();
        var all = db.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
        Assert.NotEmpty(all);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(all.OrderBy(m => m), (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).OrderBy(m => m));
    }

    [Fact]
    public async Task Every_table_and_column_of_the_model_exists()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>();
        var tables = db.Model.GetRelationalModel().Tables.ToList();
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
            // Fails with "no such column"/"column does not exist" if a script lags behind the model.
            // The names come from our own model, not from input.
            var sql = "SELECT " + columns + " FROM \"" + table.Name + "\" WHERE 1 = 0";
            await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Refresh_tokens_leave_room_on_each_page_for_the_rotation_update_on_postgres()
    {
        Assert.SkipUnless(TestDatabase.ConfiguredProvider == "postgres", "fillfactor is a PostgreSQL storage parameter");
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>();

        var options = await db.Database
            .SqlQueryRaw<string>("SELECT coalesce(array_to_string(reloptions, ','), '') AS \"Value\" FROM pg_class WHERE relname = 'refresh_tokens'")
            .SingleAsync(TestContext.Current.CancellationToken);

        // Without it, each rotation's UPDATE is not HOT and re-indexes the row in all three indexes.
        Assert.Equal("fillfactor=90", options);
    }
}
