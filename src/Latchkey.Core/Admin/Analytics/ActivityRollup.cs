using Microsoft.Extensions.Logging;

namespace Latchkey.Core.Admin.Analytics;

/// <summary>
/// Rolls closed hours and days of activity into <c>activity_rollups</c>, one bucket per transaction, from each
/// granularity's mark onwards. Idempotent and safe on many nodes: a bucket is written only by the node that moves
/// the mark (see <see cref="IAnalyticsStore.SaveRollupAsync"/>), the others stop for this round.
/// </summary>
public sealed partial class ActivityRollup(IAnalyticsStore store, TimeProvider clock, ILogger<ActivityRollup> logger)
{
    /// <summary>
    /// Account counts are snapshotted into a bucket only if it is rolled within this long of its end: rolling old
    /// history (after an upgrade, or a long outage) must not stamp today's counts on last month.
    /// </summary>
    public static readonly TimeSpan SnapshotWindow = TimeSpan.FromHours(2);

    /// <summary>A bucket is rolled this long after its end, so rows of transactions still committing at the boundary are in.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    /// <summary>Rolls every closed bucket not yet rolled; returns how many were written.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        var rolled = 0;
        foreach (var granularity in new[] { AnalyticsInterval.Hour, AnalyticsInterval.Day })
            rolled += await CatchUpAsync(granularity, ct);
        if (rolled > 0) LogRolled(rolled);
        return rolled;
    }

    private async Task<int> CatchUpAsync(AnalyticsInterval granularity, CancellationToken ct)
    {
        var marks = await store.MarksAsync(ct);
        var mark = granularity == AnalyticsInterval.Hour ? marks.Hours : marks.Days;
        var next = mark ?? granularity.Floor(await store.FirstActivityAtAsync(ct) ?? clock.GetUtcNow().UtcDateTime);
        var rolled = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var now = clock.GetUtcNow().UtcDateTime;
            var end = next + granularity.Length;
            if (end + Settle > now) return rolled;
            var tally = new ActivityTally(granularity);
            tally.AddAll(await store.EventsAsync(next, end, ct));
            var values = tally.Values();
            if (now - end <= SnapshotWindow)
            {
                var (users, twoFactorUsers) = await store.AccountCountsAsync(ct);
                values.Add(new RollupValue(next, AnalyticsMetrics.Users, users));
                values.Add(new RollupValue(next, AnalyticsMetrics.TwoFactorUsers, twoFactorUsers));
            }
            if (!await store.SaveRollupAsync(granularity, mark, end, values, ct)) return rolled;
            mark = next = end;
            rolled++;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rolled {Buckets} activity buckets into the analytics rollup")]
    private partial void LogRolled(int buckets);
}
