using System.Diagnostics.Metrics;

namespace Latchkey.Core.Common.Backlog;

/// <summary>
/// Gauges of the outbox and webhook backlog (meter <c>Latchkey</c>, label <c>queue</c> = outbox | webhooks): pending
/// rows and the age of the oldest. Observation never touches the database: it reads <see cref="BacklogMonitor"/>'s last
/// snapshot (the <c>/metrics</c> endpoint refreshes it before a scrape; an OTLP export starts a refresh when it is stale).
/// Created once at start when metrics are exported.
/// </summary>
public sealed class BacklogGauges
{
    public BacklogGauges(IMeterFactory meters, BacklogMonitor monitor, TimeProvider clock)
    {
        var meter = meters.Create(LatchkeyMetrics.MeterName);
        meter.CreateObservableGauge("latchkey.backlog.pending", () => Observe(monitor, clock, (queue, _) => queue.Pending),
            description: "Outbox messages (mail, SMS) and webhook deliveries waiting to be delivered, by queue.");
        meter.CreateObservableGauge("latchkey.backlog.oldest_age", () => Observe(monitor, clock, (queue, now) => queue.OldestAge(now).TotalSeconds),
            unit: "s", description: "Age of the oldest waiting outbox message or webhook delivery, by queue (0 when none waits).");
    }

    private static IEnumerable<Measurement<T>> Observe<T>(BacklogMonitor monitor, TimeProvider clock, Func<QueueBacklog, DateTime, T> value)
        where T : struct
    {
        monitor.RefreshInBackground();
        if (monitor.Last is not { } snapshot) return [];
        var now = clock.GetUtcNow().UtcDateTime;
        return
        [
            new(value(snapshot.Outbox, now), new KeyValuePair<string, object?>("queue", "outbox")),
            new(value(snapshot.Webhooks, now), new KeyValuePair<string, object?>("queue", "webhooks")),
        ];
    }
}
