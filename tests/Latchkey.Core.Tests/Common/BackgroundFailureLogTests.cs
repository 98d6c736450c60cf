using System.Data.Common;
using Latchkey.Core.Common;
using Microsoft.Extensions.Logging;

namespace Latchkey.Core.Tests.Common;

/// <summary>A database outage is one warning and one "resumed" line per loop, whatever its length; a bug is an error each time.</summary>
public sealed class BackgroundFailureLogTests
{
    [Fact]
    public void An_outage_is_logged_once_and_its_end_once()
    {
        var logger = new RecordingLogger();
        var log = new BackgroundFailureLog(logger, "The test loop");

        for (var round = 0; round < 5; round++) log.Failed(new InvalidOperationException("wrapped", new Unreachable()));
        log.Succeeded();
        log.Succeeded();

        Assert.Equal([LogLevel.Warning, LogLevel.Information], logger.Entries.Select(e => e.Level));
        Assert.Contains("The test loop paused: the database does not answer (connection refused)", logger.Entries[0].Message);
        Assert.Null(logger.Entries[0].Exception);
    }

    [Fact]
    public void Any_other_failure_is_an_error_with_its_exception_every_time()
    {
        var logger = new RecordingLogger();
        var log = new BackgroundFailureLog(logger, "The test loop");
        var bug = new InvalidOperationException("a bug");

        log.Failed(bug);
        log.Failed(bug);
        log.Succeeded();

        Assert.Equal([LogLevel.Error, LogLevel.Error], logger.Entries.Select(e => e.Level));
        Assert.Same(bug, logger.Entries[1].Exception);
    }

    /// <summary>What a provider throws when the server cannot be reached: a transient <see cref="DbException"/>.</summary>
    private sealed class Unreachable() : DbException("connection refused")
    {
        public override bool IsTransient => true;
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
