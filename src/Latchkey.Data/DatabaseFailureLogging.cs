using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Latchkey.Data;

/// <summary>
/// EF Core logs every failed command, connection and save at Error level before the caller sees the exception.
/// Here every such failure is either expected and handled (a unique-key race between concurrent refreshes, the
/// migration lock probing a fresh database's history table) or reported once by whoever handles it (the
/// request error handler: 503 while the database is unreachable, 500 with the exception for a bug; the start-up
/// line). So EF's own copies are Debug: an operator's Error lines are real problems, each logged once.
/// </summary>
internal static class DatabaseFailureLogging
{
    public static void Configure(WarningsConfigurationBuilder warnings) => warnings.Log(
        (RelationalEventId.CommandError, LogLevel.Debug),
        (RelationalEventId.ConnectionError, LogLevel.Debug),
        (RelationalEventId.TransactionError, LogLevel.Debug),
        (CoreEventId.SaveChangesFailed, LogLevel.Debug),
        (CoreEventId.QueryIterationFailed, LogLevel.Debug));
}
