using System.Data.Common;

namespace Latchkey.Core.Common;

/// <summary>
/// Recognises "the database cannot serve this right now" among exceptions, without naming a provider:
/// <list type="bullet">
/// <item>unreachable (a refused or dropped connection, a server shutting down, a pool timeout, SQLite's busy file):
/// ADO.NET marks these <see cref="DbException.IsTransient"/>, and EF Core wraps them;</item>
/// <item>refusing writes: a full disk or a read-only database (PostgreSQL SQLSTATE 53100 <c>disk_full</c>, 25006
/// <c>read_only_sql_transaction</c> from <c>default_transaction_read_only</c>, a read-only role or a standby; SQLite
/// result codes 13 <c>SQLITE_FULL</c> and 8 <c>SQLITE_READONLY</c>, which Microsoft.Data.Sqlite reports only in its
/// own <c>SqliteErrorCode</c> property, read here by name so Core needs no provider; this runs on the error path only).</item>
/// </list>
/// Either way the request is answered 503 and logged as one line, not as a bug with a stack trace.
/// </summary>
public static class DatabaseUnavailable
{
    private const int SqliteReadOnly = 8;
    private const int SqliteFull = 13;

    public static bool Matches(Exception exception) => Find(exception) is not null;

    /// <summary>True when the database answers but refuses to store (full or read-only): an operator must act.</summary>
    public static bool RefusesWrites(Exception exception) => Find(exception) is { } found && Refusal(found) is not null;

    /// <summary>One line for the log: what is wrong and the database's own message, no stack.</summary>
    public static string Describe(Exception exception) => Find(exception) is { } found
        ? Refusal(found) is { } refusal ? $"the database refuses writes ({refusal}): {found.Message}" : found.Message
        : exception.Message;

    private static DbException? Find(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 8; depth++, exception = exception.InnerException)
            if (exception is DbException db && (db.IsTransient || Refusal(db) is not null)) return db;
        return null;
    }

    private static string? Refusal(DbException exception) => exception.SqlState switch
    {
        "53100" => "disk full",
        "25006" => "read-only",
        null => SqliteErrorCode(exception) switch
        {
            SqliteFull => "disk full",
            SqliteReadOnly => "read-only",
            _ => null,
        },
        _ => null,
    };

    private static int? SqliteErrorCode(DbException exception) =>
        exception.GetType().GetProperty("SqliteErrorCode")?.GetValue(exception) as int?;
}
