using Latchkey.Core.Admin;
using Latchkey.Core.Audit;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

/// <summary>
/// The administrator's lists. Each is one COUNT and one page read over indexed columns (see the
/// 20261202000700 migration): search terms are prefixes (LIKE 'term%', an index range on PostgreSQL's
/// text_pattern_ops indexes), never a leading wildcard.
/// </summary>
internal sealed class AdminStore(LatchkeyDbContext db) : IAdminStore
{
    public async Task<Page<User>> SearchUsersAsync(UserQuery query, DateTime now, CancellationToken ct)
    {
        var users = UserFilters.Apply(db.Users.AsNoTracking(), query, now);
        var total = await users.CountAsync(ct);
        var items = await UserFilters.Sort(users, query.Sort, query.Descending)
            .Skip((query.Page - 1) * query.Limit).Take(query.Limit).ToListAsync(ct);
        return new Page<User>(items, total, query.Page, query.Limit);
    }

    public Task<int> CountUsableHoldersAsync(string role, DateTime now, CancellationToken ct) =>
        db.Users.CountAsync(u => u.Role == role && !u.Disabled && (u.LockoutEndsAt == null || u.LockoutEndsAt <= now), ct);

    public async Task<Page<Session>> ListActiveSessionsAsync(Guid? userId, DateTime now, int page, int limit, CancellationToken ct)
    {
        var sessions = db.Sessions.AsNoTracking().Where(s => s.RevokedAt == null && s.ExpiresAt > now);
        if (userId is { } id) sessions = sessions.Where(s => s.UserId == id);
        var total = await sessions.CountAsync(ct);
        var items = await sessions.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip((page - 1) * limit).Take(limit).ToListAsync(ct);
        return new Page<Session>(items, total, page, limit);
    }

    public async Task<IReadOnlyList<Session>> ListActiveGrantsAsync(Guid userId, DateTime now, CancellationToken ct) =>
        await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.ClientRowId != null && s.RevokedAt == null && s.ExpiresAt > now)
            .ToListAsync(ct);

    public async Task<Page<ActivityEntry>> SearchActivityAsync(ActivityQuery query, CancellationToken ct)
    {
        var rows = db.Activity.AsNoTracking();
        if (query.Type is { } type) rows = rows.Where(a => a.Type == type);
        if (query.UserId is { } userId) rows = rows.Where(a => a.UserId == userId);
        if (query.IpAddress is { } ip) rows = rows.Where(a => a.IpAddress == ip);
        if (query.Success is { } success) rows = rows.Where(a => a.Success == success);
        if (query.From is { } from) rows = rows.Where(a => a.CreatedAt >= from);
        if (query.To is { } to) rows = rows.Where(a => a.CreatedAt < to);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip((query.Page - 1) * query.Limit).Take(query.Limit).ToListAsync(ct);
        return new Page<ActivityEntry>(items, total, query.Page, query.Limit);
    }

    // Conditional counts in one statement per table, not one statement per figure: at a million users each
    // COUNT is a scan, so the five account figures share one pass over users and the three windows one pass
    // each over the recent rows (users.created_at and activity (type, created_at) are indexed).
    public async Task<AdminStats> StatsAsync(DateTime now, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            Verified = g.Count(u => u.EmailVerified),
            Disabled = g.Count(u => u.Disabled),
            Anonymous = g.Count(u => u.IsAnonymous),
            TwoFactor = g.Count(u => u.TwoFactorEnabled),
        }).SingleOrDefaultAsync(ct);
        var day = now.AddDays(-1);
        var week = now.AddDays(-7);
        var month = now.AddDays(-30);
        var registrations = await db.Users.AsNoTracking().Where(u => u.CreatedAt >= month).GroupBy(_ => 1).Select(g => new
        {
            Day = g.Count(u => u.CreatedAt >= day),
            Week = g.Count(u => u.CreatedAt >= week),
            Month = g.Count(),
        }).SingleOrDefaultAsync(ct);
        var signIns = await db.Activity.AsNoTracking()
            .Where(a => (a.Type == ActivityTypes.LoginSucceeded || a.Type == ActivityTypes.LoginFailed) && a.CreatedAt >= month)
            .GroupBy(_ => 1).Select(g => new
            {
                Day = g.Count(a => a.Type == ActivityTypes.LoginSucceeded && a.CreatedAt >= day),
                Week = g.Count(a => a.Type == ActivityTypes.LoginSucceeded && a.CreatedAt >= week),
                Month = g.Count(a => a.Type == ActivityTypes.LoginSucceeded),
                FailedDay = g.Count(a => a.Type == ActivityTypes.LoginFailed && a.CreatedAt >= day),
                FailedWeek = g.Count(a => a.Type == ActivityTypes.LoginFailed && a.CreatedAt >= week),
                FailedMonth = g.Count(a => a.Type == ActivityTypes.LoginFailed),
            }).SingleOrDefaultAsync(ct);
        return new AdminStats(
            accounts?.Total ?? 0, accounts?.Verified ?? 0, accounts?.Disabled ?? 0, accounts?.Anonymous ?? 0, accounts?.TwoFactor ?? 0,
            await db.Passkeys.Select(p => p.UserId).Distinct().CountAsync(ct),
            await db.Sessions.CountAsync(s => s.RevokedAt == null && s.ExpiresAt > now, ct),
            new WindowCounts(registrations?.Day ?? 0, signIns?.Day ?? 0, signIns?.FailedDay ?? 0),
            new WindowCounts(registrations?.Week ?? 0, signIns?.Week ?? 0, signIns?.FailedWeek ?? 0),
            new WindowCounts(registrations?.Month ?? 0, signIns?.Month ?? 0, signIns?.FailedMonth ?? 0));
    }

    public async Task<bool> DeleteUserAsync(Guid userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct) > 0;
}
