using Latchkey.Core.Admin;
using Latchkey.Core.Audit;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Latchkey.Data.Stores;

/// <summary>
/// The administrator's lists. Each is a page read over indexed columns (see the 20261202000700 and 20261204000100
/// migrations: search terms are prefixes, LIKE 'term%', an index range on PostgreSQL's text_pattern_ops indexes, never
/// a leading wildcard; the default order walks (created_at, id)) and a count bounded by
/// <see cref="AdminOptions.ListCountLimit"/> (<see cref="BoundedPage"/>).
/// </summary>
internal sealed class AdminStore(LatchkeyDbContext db, IOptions<AdminOptions> options) : IAdminStore
{
    private int CountLimit => options.Value.ListCountLimit;

    public Task<Page<User>> SearchUsersAsync(UserQuery query, DateTime now, CancellationToken ct)
    {
        var users = UserFilters.Apply(db.Users.AsNoTracking(), query, now);
        return BoundedPage.ReadAsync(users, UserFilters.Sort(users, query.Sort, query.Descending), query.Page, query.Limit, CountLimit, ct);
    }

    public Task<int> CountUsableHoldersAsync(string role, DateTime now, CancellationToken ct) =>
        db.Users.CountAsync(u => u.Role == role && !u.Disabled && (u.LockoutEndsAt == null || u.LockoutEndsAt <= now), ct);

    public async Task<Page<Session>> ListActiveSessionsAsync(Guid? userId, DateTime now, int page, int limit, CancellationToken ct)
    {
        var sessions = db.Sessions.AsNoTracking().Where(s => s.RevokedAt == null && s.ExpiresAt > now);
        if (userId is { } id) sessions = sessions.Where(s => s.UserId == id);
        return await BoundedPage.ReadAsync(sessions, sessions.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id), page, limit, CountLimit, ct);
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
        return await BoundedPage.ReadAsync(rows, rows.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id),
            query.Page, query.Limit, CountLimit, ct);
    }

    // Conditional counts: the five account figures share one pass over users and the three registration windows one
    // pass over the last month's users (users.created_at is indexed). Sign-ins are not counted here: at ten million
    // activity rows a month of them is a long scan, so StatsService reads the analytics rollup and counts only the
    // edges live (CountLoginsAsync).
    public async Task<AccountStats> AccountStatsAsync(DateTime now, CancellationToken ct)
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
        return new AccountStats(
            accounts?.Total ?? 0, accounts?.Verified ?? 0, accounts?.Disabled ?? 0, accounts?.Anonymous ?? 0, accounts?.TwoFactor ?? 0,
            await db.Passkeys.Select(p => p.UserId).Distinct().CountAsync(ct),
            await db.Sessions.CountAsync(s => s.RevokedAt == null && s.ExpiresAt > now, ct),
            registrations?.Day ?? 0, registrations?.Week ?? 0, registrations?.Month ?? 0);
    }

    // One UNION ALL of per-range grouped counts, so each range is its own index range scan (a single WHERE with an OR
    // of ranges and conditional counts would leave the planner to scan the whole span between them).
    public async Task<IReadOnlyList<LoginCounts>> CountLoginsAsync(IReadOnlyList<TimeRange> ranges, CancellationToken ct)
    {
        IQueryable<RangeCount>? union = null;
        for (var i = 0; i < ranges.Count; i++)
        {
            if (ranges[i].IsEmpty) continue;
            var (index, from, to) = (i, ranges[i].From, ranges[i].To);
            var part = db.Activity.AsNoTracking()
                .Where(a => (a.Type == ActivityTypes.LoginSucceeded || a.Type == ActivityTypes.LoginFailed) && a.CreatedAt >= from && a.CreatedAt < to)
                .GroupBy(a => a.Type)
                .Select(g => new RangeCount { Range = index, Type = g.Key, Count = g.Count() });
            union = union is null ? part : union.Concat(part);
        }
        var counts = new LoginCounts[ranges.Count];
        if (union is null) return counts;
        foreach (var row in await union.ToListAsync(ct))
            counts[row.Range] += row.Type == ActivityTypes.LoginSucceeded ? new LoginCounts(row.Count, 0) : new LoginCounts(0, row.Count);
        return counts;
    }

    private sealed class RangeCount
    {
        public int Range { get; init; }
        public string Type { get; init; } = "";
        public int Count { get; init; }
    }

    public async Task<bool> DeleteUserAsync(Guid userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct) > 0;
}
