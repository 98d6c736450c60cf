using Latchkey.Core.Admin.Analytics;

namespace Latchkey.Core.Admin;

/// <summary>
/// Dashboard statistics. Account figures are counted over users and sessions at most once per
/// <c>Latchkey:Admin:StatsMaxAge</c> on each node (<see cref="AccountStatsCache"/>; the answer says when). Sign-ins and failures in the last day, week and month come from the analytics rollup's closed
/// hours (docs/decisions.md §49) plus a live count of what the rollup does not hold: the part-hour at each window's
/// start and the tail after the rollup mark. At ten million activity rows that is a key range of a few thousand
/// rollup rows and a few hours of activity, not a month of it; with no rollup yet (or a job far behind) the windows
/// are counted live entirely, and the figures are the same either way.
/// </summary>
public sealed class StatsService(IAdminStore admin, IAnalyticsStore analytics, AccountStatsCache accountCounts, TimeProvider clock)
{
    private static readonly TimeSpan[] Windows = [TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    public async Task<AdminStats> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mark = (await analytics.MarksAsync(ct)).Hours;
        var plans = Windows.Select(window => WindowPlan.For(now - window, now, mark)).ToArray();

        var live = new List<TimeRange>();
        foreach (var plan in plans)
            foreach (var range in plan.Live)
                if (!range.IsEmpty && !live.Contains(range)) live.Add(range);
        var liveCounts = await admin.CountLoginsAsync(live, ct);

        var rolledFrom = plans.Where(p => !p.Rolled.IsEmpty).Select(p => p.Rolled.From).DefaultIfEmpty().Min();
        var rollups = rolledFrom == default || mark is not { } to
            ? []
            : await analytics.RollupsAsync(AnalyticsInterval.Hour, rolledFrom, to, ct);

        var (accounts, countedAt) = await accountCounts.GetAsync(ct);
        var registered = new[] { accounts.RegisteredLastDay, accounts.RegisteredLastWeek, accounts.RegisteredLastMonth };
        var windows = plans.Select((plan, i) =>
        {
            var logins = plan.Live.Where(r => !r.IsEmpty).Aggregate(default(LoginCounts), (sum, r) => sum + liveCounts[live.IndexOf(r)]);
            foreach (var value in rollups)
            {
                if (value.BucketStart < plan.Rolled.From || value.BucketStart >= plan.Rolled.To) continue;
                if (value.Metric.StartsWith(AnalyticsMetrics.SignInPrefix, StringComparison.Ordinal)) logins += new LoginCounts(value.Value, 0);
                else if (value.Metric == AnalyticsMetrics.Failures) logins += new LoginCounts(0, value.Value);
            }
            return new WindowCounts(registered[i], logins.Succeeded, logins.Failed);
        }).ToArray();

        return new AdminStats(accounts.Users, accounts.Verified, accounts.Disabled, accounts.Anonymous, accounts.TwoFactorUsers,
            accounts.PasskeyUsers, accounts.ActiveSessions, windows[0], windows[1], windows[2], countedAt);
    }

    /// <summary>How one window [start, now) splits into whole rolled-up hours and the ranges counted live.</summary>
    private sealed record WindowPlan(TimeRange Rolled, TimeRange[] Live)
    {
        public static WindowPlan For(DateTime start, DateTime now, DateTime? mark)
        {
            var firstWholeHour = AnalyticsInterval.Hour.Ceiling(start);
            if (mark is not { } rolledTo || rolledTo <= firstWholeHour) return new(default, [new TimeRange(start, now)]);
            return new(new TimeRange(firstWholeHour, rolledTo), [new TimeRange(start, firstWholeHour), new TimeRange(rolledTo, now)]);
        }
    }
}
