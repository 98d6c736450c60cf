using Microsoft.Extensions.Logging;

namespace Latchkey.Core.Common;

/// <summary>
/// How every background loop (dispatchers, sweepers, the change feed) reports a failed round, so an outage of the
/// database reads the same in every log: one warning when the database stops answering, one line when it answers
/// again, and nothing in between (the requests' 503 answers and <c>/health/ready</c> say the rest; a stack per poll
/// would bury everything else). Any other failure is a bug and is logged as an error, with its stack, each time.
/// One instance per loop; a loop runs one round at a time, so no locking.
/// </summary>
public sealed partial class BackgroundFailureLog(ILogger logger, string work)
{
    private bool _databaseAway;

    /// <summary>A round failed; the loop carries on and tries again at its next round.</summary>
    public void Failed(Exception exception)
    {
        if (!DatabaseUnavailable.Matches(exception))
        {
            LogFailed(logger, exception, work);
            return;
        }
        if (_databaseAway) return;
        _databaseAway = true;
        if (DatabaseUnavailable.RefusesWrites(exception)) LogDatabaseRefuses(logger, work, DatabaseUnavailable.Describe(exception));
        else LogDatabaseAway(logger, work, DatabaseUnavailable.Describe(exception));
    }

    /// <summary>A round completed: ends a reported outage.</summary>
    public void Succeeded()
    {
        if (!_databaseAway) return;
        _databaseAway = false;
        LogDatabaseBack(logger, work);
    }

    [LoggerMessage(LogLevel.Error, "{Work} failed; retrying at the next round")]
    private static partial void LogFailed(ILogger logger, Exception exception, string work);

    [LoggerMessage(LogLevel.Warning, "{Work} paused: the database does not answer ({Reason}); retrying until it does")]
    private static partial void LogDatabaseAway(ILogger logger, string work, string reason);

    [LoggerMessage(LogLevel.Warning, "{Work} paused: {Reason}; retrying until it takes writes again")]
    private static partial void LogDatabaseRefuses(ILogger logger, string work, string reason);

    [LoggerMessage(LogLevel.Information, "{Work} resumed: the database answers again")]
    private static partial void LogDatabaseBack(ILogger logger, string work);
}
