using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Data;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Api.Tests.Account;

/// <summary>
/// The tables of the model that hold a user's id, found by walking the DbContext's relational model, so a table
/// added later is found without anyone remembering to list it.
/// </summary>
public static class AccountTables
{
    /// <summary>Columns that name the owning account.</summary>
    private static readonly string[] UserColumns = ["user_id", "owner_user_id"];

    public static IReadOnlyList<(string Table, string Column)> Find(LatchkeyDbContext db) =>
        [.. db.Model.GetRelationalModel().Tables
            .SelectMany(t => t.Columns.Where(c => UserColumns.Contains(c.Name) || (t.Name == "users" && c.Name == "id")).Select(c => (t.Name, c.Name)))
            .OrderBy(t => t.Item1)];

    /// <summary>How many rows of <paramref name="table"/> still refer to <paramref name="userId"/>.</summary>
    public static Task<int> CountAsync(LatchkeyServer server, string table, string column, Guid userId)
    {
        // Table and column names come from our own model, not from input; the id is a parameter.
        var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\" WHERE \"" + column + "\" = {0}";
        return server.QueryAsync(db => db.Database.SqlQueryRaw<int>(sql, userId).SingleAsync());
    }
}
