using Latchkey.Core.Common;

namespace Latchkey.Core.Admin.Analytics;

/// <summary>
/// <c>GET /api/admin/analytics</c>: series of registrations, sign-ins by method, failures, active users and account
/// counts (2FA adoption). Rolled-up buckets are read from <c>activity_rollups</c>; the buckets after the rollup mark
/// (the open one, or any a lagging job has not reached) are counted live from the activity rows with the same
/// <see cref="ActivityTally"/>. See docs/decisions.md §49.
/// </summary>
public sealed class AnalyticsService(IAnalyticsStore store, TimeProvider clock)
{
    public async Task<Result<AnalyticsReport>> GetAsync(string? from, string? to, string? interval, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var parsed = AnalyticsQuery.Parse(from, to, interval, now);
        if (!parsed.IsSuccess) return parsed.Error;
        var query = parsed.Value;
        var unit = query.Interval;

        var marks = await store.MarksAsync(ct);
        var rolledTo = Clamp((unit == AnalyticsInterval.Hour ? marks.Hours : marks.Days) ?? query.From, query.From, query.To);
        var values = new List<RollupValue>();
        if (rolledTo > query.From) values.AddRange(await store.RollupsAsync(unit, query.From, rolledTo, ct));
        var liveTo = Clamp(now, rolledTo, query.To);
        if (liveTo > rolledTo)
        {
            var tally = new ActivityTally(unit);
            tally.AddAll(await store.EventsAsync(rolledTo, liveTo, ct));
            values.AddRange(tally.Values());
        }
        var current = unit.Floor(now);
        if (current >= query.From && current < query.To)
        {
            var (users, twoFactorUsers) = await store.AccountCountsAsync(ct);
            values.Add(new RollupValue(current, AnalyticsMetrics.Users, users));
            values.Add(new RollupValue(current, AnalyticsMetrics.TwoFactorUsers, twoFactorUsers));
        }
        return new AnalyticsReport(query.From, query.To, unit.Name, Buckets(query, values));
    }

    private static List<AnalyticsBucket> Buckets(AnalyticsQuery query, List<RollupValue> values)
    {
        var byBucket = values.ToLookup(v => v.BucketStart);
        var buckets = new List<AnalyticsBucket>(query.BucketCount);
        for (var start = query.From; start < query.To; start += query.Interval.Length)
        {
            var metrics = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var value in byBucket[start]) metrics[value.Metric] = value.Value;
            var signIns = metrics.Where(m => m.Key.StartsWith(AnalyticsMetrics.SignInPrefix, StringComparison.Ordinal))
                .ToDictionary(m => m.Key[AnalyticsMetrics.SignInPrefix.Length..], m => m.Value, StringComparer.Ordinal);
            buckets.Add(new AnalyticsBucket(start,
                metrics.GetValueOrDefault(AnalyticsMetrics.Registrations),
                signIns,
                metrics.GetValueOrDefault(AnalyticsMetrics.Failures),
                metrics.GetValueOrDefault(AnalyticsMetrics.ActiveUsers),
                metrics.TryGetValue(AnalyticsMetrics.Users, out var users) ? users : null,
                metrics.TryGetValue(AnalyticsMetrics.TwoFactorUsers, out var twoFactor) ? twoFactor : null));
        }
        return buckets;
    }

    private static DateTime Clamp(DateTime value, DateTime min, DateTime max) => value < min ? min : value > max ? max : value;
}
