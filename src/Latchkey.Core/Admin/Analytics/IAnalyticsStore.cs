using Latchkey.Core.Audit;

namespace Latchkey.Core.Admin.Analytics;

/// <summary>Port for the analytics rollup (<c>activity_rollups</c>, <c>activity_rollup_marks</c>) and the activity rows it is counted from.</summary>
public interface IAnalyticsStore
{
    Task<RollupMarks> MarksAsync(CancellationToken ct);

    /// <summary>When the oldest activity row was written; null when there is none.</summary>
    Task<DateTime?> FirstActivityAtAsync(CancellationToken ct);

    /// <summary>The <see cref="AnalyticsMetrics.EventTypes"/> rows in [from, to): type, user, details and time only.</summary>
    Task<IReadOnlyList<ActivityEntry>> EventsAsync(DateTime from, DateTime to, CancellationToken ct);

    /// <summary>Stored rollup values of one granularity with bucket starts in [from, to).</summary>
    Task<IReadOnlyList<RollupValue>> RollupsAsync(AnalyticsInterval granularity, DateTime from, DateTime to, CancellationToken ct);

    /// <summary>Accounts now, and accounts with a second factor enabled now.</summary>
    Task<(int Users, int TwoFactorUsers)> AccountCountsAsync(CancellationToken ct);

    /// <summary>
    /// In one transaction: moves the granularity's mark from <paramref name="expected"/> to <paramref name="next"/>
    /// and replaces the values of the buckets in between. False (nothing written) when the mark has moved meanwhile,
    /// i.e. another node rolled the same buckets.
    /// </summary>
    Task<bool> SaveRollupAsync(AnalyticsInterval granularity, DateTime? expected, DateTime next, IReadOnlyList<RollupValue> values, CancellationToken ct);
}
