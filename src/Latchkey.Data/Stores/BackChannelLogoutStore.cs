using Latchkey.Core.OAuth.BackChannel;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class BackChannelLogoutStore(LatchkeyDbContext db) : IBackChannelLogoutStore
{
    public void Add(BackChannelLogoutNotice notice) => db.BackChannelLogouts.Add(notice);

    public async Task<IReadOnlyList<BackChannelLogoutNotice>> ClaimDueAsync(DateTime now, DateTime leaseUntil, int max, CancellationToken ct)
    {
        // One statement claims the batch. PostgreSQL: concurrent nodes skip each other's locked rows instead of
        // waiting, so each row goes to exactly one node. SQLite: one writer at a time, so the update is the claim.
        var pending = BackChannelLogoutStatuses.Pending;
        return db.Database.IsNpgsql()
            ? await db.BackChannelLogouts.FromSql($"""
                UPDATE backchannel_logouts SET attempts = attempts + 1, next_attempt_at = {leaseUntil}
                WHERE id IN (SELECT id FROM backchannel_logouts WHERE status = {pending} AND next_attempt_at <= {now}
                             ORDER BY next_attempt_at LIMIT {max} FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(ct)
            : await db.BackChannelLogouts.FromSql($"""
                UPDATE backchannel_logouts SET attempts = attempts + 1, next_attempt_at = {leaseUntil}
                WHERE id IN (SELECT id FROM backchannel_logouts WHERE status = {pending} AND next_attempt_at <= {now}
                             ORDER BY next_attempt_at LIMIT {max})
                RETURNING *
                """).AsNoTracking().ToListAsync(ct);
    }

    public Task DeleteAsync(Guid id, CancellationToken ct) => db.BackChannelLogouts.Where(n => n.Id == id).ExecuteDeleteAsync(ct);

    public Task RetryAsync(Guid id, DateTime nextAttemptAt, string error, CancellationToken ct) =>
        db.BackChannelLogouts.Where(n => n.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.NextAttemptAt, nextAttemptAt).SetProperty(n => n.LastError, error), ct);

    public Task FailAsync(Guid id, string error, CancellationToken ct) =>
        db.BackChannelLogouts.Where(n => n.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, BackChannelLogoutStatuses.Failed).SetProperty(n => n.LastError, error), ct);

    public Task<int> PruneFailedAsync(DateTime before, CancellationToken ct) =>
        db.BackChannelLogouts.Where(n => n.Status == BackChannelLogoutStatuses.Failed && n.CreatedAt < before).ExecuteDeleteAsync(ct);
}
