using System.Data.Common;

namespace Latchkey.Core.Common;

/// <summary>
/// Recognises "the database cannot be reached right now" among exceptions (a refused or dropped connection,
/// a server shutting down, a pool timeout, SQLite's busy file) without naming a provider: ADO.NET marks
/// these <see cref="DbException.IsTransient"/>, and EF Core wraps them.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Matches(Exception exception) => Transient(exception) is not null;

    /// <summary>One line for the log: the transient cause's message, no stack.</summary>
    public static string Describe(Exception exception) => Transient(exception)?.Message ?? exception.Message;

    private static Exception? Transient(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 8; depth++, exception = exception.InnerException)
            if (exception is DbException { IsTransient: true }) return exception;
        return null;
    }
}
