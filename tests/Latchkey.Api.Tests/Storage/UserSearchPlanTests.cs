using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Admin;
using Latchkey.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Latchkey.Api.Tests.Storage;

/// <summary>The admin user search must stay an index range on SQLite at a million accounts (20261203001320_UserSearchIndexes).</summary>
public sealed class UserSearchPlanTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task On_sqlite_the_admin_user_search_is_four_index_ranges_not_a_scan()
    {
        Assert.SkipUnless(TestDatabase.ConfiguredProvider == "sqlite", "PostgreSQL has its text_pattern_ops indexes; its planner scans a small table anyway");
        var plan = await server.QueryAsync(async db =>
        {
            var query = new UserQuery("ADA", null, null, null, null, UserSorts.CreatedAt, true, 1, 20);
            await using var command = UserFilters.Apply(db.Users, query, DateTime.UtcNow).CreateDbCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var details = new List<string>();
            while (await reader.ReadAsync(TestContext.Current.CancellationToken)) details.Add(reader.GetString(3));
            return string.Join("\n", details);
        });

        Assert.Contains("MULTI-INDEX OR", plan);
        foreach (var index in new[] { "ix_users_normalized_email_nocase", "ix_users_normalized_username_nocase", "ix_users_first_name_nocase", "ix_users_last_name_nocase" })
            Assert.Contains(index, plan);
        Assert.DoesNotContain("SCAN users", plan);
    }
}
