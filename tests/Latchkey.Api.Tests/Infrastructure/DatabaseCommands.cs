using System.Collections.Concurrent;
using System.Diagnostics;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>
/// Records the database commands, one per round trip, that a request causes in the in-process server. The
/// probe starts an activity whose trace the test's HttpClient carries to the server (traceparent), so only
/// commands run on behalf of that request count, not the background services' or other test classes'.
/// PostgreSQL commands are seen through Npgsql's activities (raw commands included), SQLite's through
/// Entity Framework's diagnostic events.
/// </summary>
public sealed class DatabaseCommands : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private const string ProbeName = "Latchkey.Tests.DatabaseCommands";
    private static readonly ActivitySource Probe = new(ProbeName);
    private readonly ConcurrentQueue<(ActivityTraceId Trace, string Sql)> _seen = new();
    private readonly ActivityListener _activities;
    private readonly IDisposable _diagnostics;
    private readonly List<IDisposable> _subscriptions = [];

    public DatabaseCommands()
    {
        _activities = new ActivityListener
        {
            // By name: the probe's source may be created while this listener is being added.
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore" or ProbeName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            // Npgsql tags the activity after starting it, so the query text is read when it stops.
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && activity.GetTagItem("db.query.text") is string sql) _seen.Enqueue((activity.TraceId, sql));
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _diagnostics = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The SQL of every command run on behalf of what <paramref name="requests"/> sends (connection opens excluded).</summary>
    public async Task<IReadOnlyList<string>> OfAsync(Func<Task> requests)
    {
        ActivityTraceId trace;
        using (var probe = Probe.StartActivity("probe") ?? throw new InvalidOperationException("the probe activity was not sampled"))
        {
            trace = probe.TraceId;
            await requests();
        }
        return [.. _seen.Where(s => s.Trace == trace).Select(s => s.Sql)];
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Microsoft.EntityFrameworkCore" && TestDatabase.ConfiguredProvider == "sqlite")
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == CommandExecuting));
    }

    private const string CommandExecuting = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting";

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CommandExecuting && Activity.Current is { } current
            && value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData data)
            _seen.Enqueue((current.TraceId, data.Command.CommandText));
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _activities.Dispose();
        _diagnostics.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}
