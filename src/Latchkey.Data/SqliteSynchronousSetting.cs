using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Latchkey.Data;

/// <summary>
/// Applies <see cref="DatabaseOptions.SqliteSynchronous"/> to every opened connection: the setting belongs to
/// the connection, not the file, and pooled connections may be new handles. The PRAGMA is an in-process call.
/// </summary>
internal sealed class SqliteSynchronousSetting(string mode) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA synchronous={(mode == "full" ? "FULL" : "NORMAL")};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }
}
