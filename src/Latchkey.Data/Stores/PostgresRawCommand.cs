using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Latchkey.Data.Stores;

/// <summary>
/// One hand-written PostgreSQL statement on the context's connection, for the few paths where EF cannot say it in one
/// round trip (a CTE that reads, updates and inserts; an upsert returning what it wrote). The command joins the
/// context's transaction when there is one, and the connection goes back to EF's keeping afterwards.
/// </summary>
internal static class PostgresRawCommand
{
    public static async Task<T> RunAsync<T>(
        LatchkeyDbContext db, string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlCommand, Task<T>> run, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            bind(command.Parameters);
            return await run(command);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
