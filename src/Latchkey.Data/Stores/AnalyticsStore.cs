using Latchkey.Core.Admin.Analytics;
using Latchkey.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

/// <summary>
/// The analytics rollup. Queries read a key range of <c>activity_rollups</c> (granularity, bucket_start, metric);
/// the rollup job reads one bucket of activity at a time over the (type, created_at) index.
/// </summary>
internal sealed class AnalyticsStore(LatchkeyDbContext db) : IAnalyticsStore
{
    public async Task<RollupMarks> MarksAsync(CancellationToken ct)
    {
        var marks = await db.ActivityRollupMarks.AsNoTracking().ToDictionaryAsync(m => m.Granularity, m => m.RolledUpTo, ct);
        return new RollupMarks(marks.GetValueOrDefault(AnalyticsInterval.Hour.Name), marks.GetValueOrDefault(AnalyticsInterval.Day.Name));
    }

    public async Task<DateTime?> FirstActivityAtAsync(CancellationToken ct) =>
        await db.Activity.OrderBy(a => a.CreatedAt).Select(a => (DateTime?)a.CreatedAt).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ActivityEntry>> EventsAsync(DateTime from, DateTime to, CancellationToken ct) =>
        await db.Activity.AsNoTracking()
            .Where(a => AnalyticsMetrics.EventTypes.Contains(a.Type) && a.CreatedAt >= from && a.CreatedAt < to)
            .Select(a => new ActivityEntry { Type = a.Type, UserId = a.UserId, Details = a.Details, CreatedAt = a.CreatedAt })
            .ToListAsync(ct);

    public async Task<IReadOnlyList<RollupValue>> RollupsAsync(AnalyticsInterval granularity, DateTime from, DateTime to, CancellationToken ct) =>
        await db.ActivityRollups.AsNoTracking()
            .Where(r => r.Granularity == granularity.Name && r.BucketStart >= from && r.BucketStart < to)
            .Select(r => new RollupValue(r.BucketStart, r.Metric, r.Value))
            .ToListAsync(ct);

    public async Task<(int Users, int TwoFactorUsers)> AccountCountsAsync(CancellationToken ct) =>
        (await db.Users.CountAsync(ct), await db.Users.CountAsync(u => u.TwoFactorEnabled, ct));

    public async Task<bool> SaveRollupAsync(
        AnalyticsInterval granularity, DateTime? expected, DateTime next, IReadOnlyList<RollupValue> values, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            // Moving the mark first takes its row lock: a second node doing the same bucket waits here, then finds
            // the mark moved and writes nothing.
            var moved = await db.ActivityRollupMarks
                .Where(m => m.Granularity == granularity.Name && m.RolledUpTo == expected)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.RolledUpTo, next), token);
            if (moved == 0) return false;
            var stale = db.ActivityRollups.Where(r => r.Granularity == granularity.Name && r.BucketStart < next);
            if (expected is { } from) stale = stale.Where(r => r.BucketStart >= from);
            await stale.ExecuteDeleteAsync(token);
            db.ActivityRollups.AddRange(values.Select(v => new ActivityRollupRow
            {
                Granularity = granularity.Name, BucketStart = v.BucketStart, Metric = v.Metric, Value = v.Value,
            }));
            await db.SaveChangesAsync(token);
            db.ChangeTracker.Clear();
            await transaction.CommitAsync(token);
            return true;
        }, ct);
    }
}
