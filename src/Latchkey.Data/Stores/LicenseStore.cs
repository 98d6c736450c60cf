using Latchkey.Core.Licensing;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class LicenseStore(LatchkeyDbContext db) : ILicenseStore
{
    private DbSet<LicensePlan> Plans => db.Set<LicensePlan>();
    private DbSet<License> Licenses => db.Set<License>();
    private DbSet<LicenseActivation> Activations => db.Set<LicenseActivation>();
    private DbSet<LicenseUsage> Usage => db.Set<LicenseUsage>();
    private DbSet<LicenseUsageEvent> UsageEvents => db.Set<LicenseUsageEvent>();

    public void Add(LicensePlan plan) => Plans.Add(plan);
    public void Add(License license) => Licenses.Add(license);
    public void Add(LicenseActivation activation) => Activations.Add(activation);
    public void Remove(LicenseActivation activation) => Activations.Remove(activation);
    public void Add(LicenseUsageEvent usageEvent) => UsageEvents.Add(usageEvent);
    public void Add(LicenseUsage usage) => Usage.Add(usage);

    public async Task<IReadOnlyList<LicensePlan>> ListPlansAsync(CancellationToken ct) =>
        await Plans.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);

    public Task<LicensePlan?> FindPlanByCodeAsync(string code, CancellationToken ct) => Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);

    public Task<LicensePlan?> FindPlanAsync(Guid id, CancellationToken ct) => Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    public Task<LicensePlan?> FindPlanForUpdateAsync(Guid id, CancellationToken ct) => Plans.FirstOrDefaultAsync(p => p.Id == id, ct);

    public Task<License?> FindAsync(Guid id, CancellationToken ct) => Licenses.FirstOrDefaultAsync(l => l.Id == id, ct);

    public async Task<(License License, LicensePlan Plan)?> FindByKeyHashAsync(byte[] keyHash, CancellationToken ct)
    {
        var found = await (from l in Licenses.AsNoTracking()
                           join p in Plans.AsNoTracking() on l.PlanId equals p.Id
                           where l.KeyHash == keyHash
                           select new { l, p }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.l, found.p);
    }

    public async Task<IReadOnlyList<(License License, LicensePlan Plan)>> ListForUserAsync(Guid userId, CancellationToken ct)
    {
        var rows = await (from l in Licenses.AsNoTracking()
                          join p in Plans.AsNoTracking() on l.PlanId equals p.Id
                          where l.UserId == userId
                          orderby l.CreatedAt descending
                          select new { l, p }).ToListAsync(ct);
        return [.. rows.Select(r => (r.l, r.p))];
    }

    public async Task<(IReadOnlyList<License> Items, int Total)> ListAsync(Guid? userId, string? status, DateTime now, int page, int limit, CancellationToken ct)
    {
        var query = Licenses.AsNoTracking().Where(l => userId == null || l.UserId == userId);
        if (status is not null) query = WithStatusAt(query, status, now);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(l => l.CreatedAt).Skip((page - 1) * limit).Take(limit).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>The rows whose status in force at <paramref name="now"/> is <paramref name="status"/>: the SQL form of <see cref="License.StatusAt"/>.</summary>
    private static IQueryable<License> WithStatusAt(IQueryable<License> query, string status, DateTime now)
    {
        if (status is LicenseStatuses.Revoked or LicenseStatuses.Suspended) return query.Where(l => l.Status == status);
        var lapsed = query.Where(l => l.Status != LicenseStatuses.Revoked && l.Status != LicenseStatuses.Suspended
            && ((l.EndsAt != null && l.EndsAt <= now) || (l.Status == LicenseStatuses.Trialing && l.TrialEndsAt != null && l.TrialEndsAt <= now)));
        if (status == LicenseStatuses.Expired) return lapsed;
        return query.Where(l => l.Status == status && !(l.EndsAt != null && l.EndsAt <= now)
            && !(l.Status == LicenseStatuses.Trialing && l.TrialEndsAt != null && l.TrialEndsAt <= now));
    }

    public async Task<IReadOnlyList<License>> ListLapsedAsync(DateTime now, int limit, CancellationToken ct) =>
        await Licenses.AsNoTracking()
            .Where(l => l.ExpiryNotifiedAt == null
                && (l.Status == LicenseStatuses.Active || l.Status == LicenseStatuses.Trialing || l.Status == LicenseStatuses.PastDue)
                && ((l.EndsAt != null && l.EndsAt <= now) || (l.Status == LicenseStatuses.Trialing && l.TrialEndsAt != null && l.TrialEndsAt <= now)))
            .OrderBy(l => l.Id).Take(limit).ToListAsync(ct);

    public async Task<bool> TryMarkExpiryNotifiedAsync(Guid licenseId, DateTime now, CancellationToken ct) =>
        await Licenses.Where(l => l.Id == licenseId && l.ExpiryNotifiedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiryNotifiedAt, now), ct) == 1;

    public Task<LicenseActivation?> FindActivationAsync(Guid licenseId, string fingerprint, CancellationToken ct) =>
        Activations.FirstOrDefaultAsync(a => a.LicenseId == licenseId && a.Fingerprint == fingerprint, ct);

    // One statement: the row lock makes a concurrent taker wait and re-check seats_used < seats after our commit.
    public async Task<bool> TryTakeSeatAsync(Guid licenseId, CancellationToken ct) =>
        await Licenses.Where(l => l.Id == licenseId && l.SeatsUsed < l.Seats)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.SeatsUsed, l => l.SeatsUsed + 1), ct) == 1;

    public Task ReleaseSeatAsync(Guid licenseId, CancellationToken ct) =>
        Licenses.Where(l => l.Id == licenseId && l.SeatsUsed > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.SeatsUsed, l => l.SeatsUsed - 1), ct);

    public async Task<(License License, LicensePlan Plan)?> FindWithPlanAsync(Guid id, CancellationToken ct)
    {
        var found = await (from l in Licenses.AsNoTracking()
                           join p in Plans.AsNoTracking() on l.PlanId equals p.Id
                           where l.Id == id
                           select new { l, p }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.l, found.p);
    }

    public async Task<(bool Recorded, long Used)?> TryRecordUsageAtOnceAsync(LicenseUsageEvent report, DateTime periodStart, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return null;
        return await PostgresUsageRecord.RunAsync(db, report, periodStart, ct) is { } used ? (true, used) : (false, 0);
    }

    public Task<bool> UsageEventExistsAsync(Guid licenseId, string idempotencyKey, CancellationToken ct) =>
        UsageEvents.AnyAsync(e => e.LicenseId == licenseId && e.IdempotencyKey == idempotencyKey, ct);

    public async Task<bool> TryIncrementUsageAsync(Guid licenseId, string feature, DateTime periodStart, long quantity, CancellationToken ct) =>
        await Usage.Where(u => u.LicenseId == licenseId && u.Feature == feature && u.PeriodStart == periodStart)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Used, x => x.Used + quantity), ct) == 1;

    public async Task<IReadOnlyList<LicenseUsage>> ListUsageAsync(Guid licenseId, IReadOnlyCollection<DateTime> periodStarts, CancellationToken ct) =>
        await Usage.AsNoTracking().Where(u => u.LicenseId == licenseId && periodStarts.Contains(u.PeriodStart)).ToListAsync(ct);
}
