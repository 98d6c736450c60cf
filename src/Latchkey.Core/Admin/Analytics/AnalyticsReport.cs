namespace Latchkey.Core.Admin.Analytics;

/// <summary>
/// One bucket of the series. <see cref="Users"/> and <see cref="TwoFactorUsers"/> are the account counts at the
/// bucket's end, snapshotted hourly by the rollup (null where no snapshot was taken, e.g. before upgrading).
/// </summary>
public sealed record AnalyticsBucket(
    DateTime Start,
    int Registrations,
    IReadOnlyDictionary<string, int> SignIns,
    int Failures,
    int ActiveUsers,
    int? Users,
    int? TwoFactorUsers);

public sealed record AnalyticsReport(DateTime From, DateTime To, string Interval, IReadOnlyList<AnalyticsBucket> Buckets);
