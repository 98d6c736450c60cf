using Latchkey.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class WebhookStore(LatchkeyDbContext db) : IWebhookStore
{
    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken ct) =>
        await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(ct);

    public Task<WebhookSubscription?> FindAsync(Guid id, CancellationToken ct) => db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct);

    public async Task<IReadOnlyList<WebhookSubscription>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.WebhookSubscriptions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);

    public async Task<IReadOnlyList<(Guid Id, string Events)>> ListActiveFiltersAsync(CancellationToken ct) =>
        (await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active).Select(s => new { s.Id, s.Events }).ToListAsync(ct))
            .Select(s => (s.Id, s.Events)).ToList();

    public void Add(WebhookSubscription subscription) => db.WebhookSubscriptions.Add(subscription);

    public void AddDelivery(WebhookDelivery delivery) => db.WebhookDeliveries.Add(delivery);

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        await db.WebhookDeliveries.Where(d => d.SubscriptionId == id).ExecuteDeleteAsync(ct);
        await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
    }

    public async Task<(IReadOnlyList<WebhookDelivery> Items, int Total)> ListDeliveriesAsync(
        Guid subscriptionId, string? status, int page, int limit, CancellationToken ct)
    {
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId);
        if (status is not null) query = query.Where(d => d.Status == status);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip((page - 1) * limit).Take(limit).ToListAsync(ct);
        return (items, total);
    }

    public Task<WebhookDelivery?> FindDeliveryAsync(Guid subscriptionId, Guid deliveryId, CancellationToken ct) =>
        db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == subscriptionId, ct);

    public async Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTime now, DateTime leaseUntil, int max, CancellationToken ct)
    {
        // One statement claims the batch. PostgreSQL: concurrent nodes skip each other's locked rows instead of
        // waiting, so each row goes to exactly one node. SQLite: one writer at a time, so the update is the claim.
        var pending = WebhookDeliveryStatuses.Pending;
        return db.Database.IsNpgsql()
            ? await db.WebhookDeliveries.FromSql($"""
                UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = {leaseUntil}
                WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = {pending} AND next_attempt_at <= {now}
                             ORDER BY next_attempt_at LIMIT {max} FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(ct)
            : await db.WebhookDeliveries.FromSql($"""
                UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = {leaseUntil}
                WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = {pending} AND next_attempt_at <= {now}
                             ORDER BY next_attempt_at LIMIT {max})
                RETURNING *
                """).AsNoTracking().ToListAsync(ct);
    }

    public async Task RecordAttemptsAsync(IReadOnlyList<WebhookDelivery> deliveries, IReadOnlyList<WebhookAttemptOutcome> outcomes, CancellationToken ct)
    {
        // Tracked stubs with only the outcome's columns marked: SaveChanges sends every row's UPDATE in one batch (one
        // round trip on PostgreSQL) and commits once, instead of one statement and one commit per delivery.
        var stubs = new List<WebhookDelivery>(deliveries.Count);
        for (var i = 0; i < deliveries.Count; i++)
        {
            var outcome = outcomes[i];
            var stub = new WebhookDelivery { Id = deliveries[i].Id, EventType = "", Payload = "" };
            var entry = db.WebhookDeliveries.Attach(stub);
            entry.Property(d => d.Status).CurrentValue = outcome.Status;
            entry.Property(d => d.LastStatusCode).CurrentValue = outcome.StatusCode;
            entry.Property(d => d.LastDurationMs).CurrentValue = outcome.DurationMs;
            entry.Property(d => d.LastError).CurrentValue = outcome.Error;
            entry.Property(d => d.LastAttemptAt).CurrentValue = outcome.AttemptedAt;
            entry.Property(d => d.NextAttemptAt).CurrentValue = outcome.NextAttemptAt;
            foreach (var column in Outcome) entry.Property(column).IsModified = true;
            if (outcome.Status == WebhookDeliveryStatuses.Delivered)
            {
                entry.Property(d => d.DeliveredAt).CurrentValue = outcome.AttemptedAt;
                entry.Property(d => d.DeliveredAt).IsModified = true;
            }
            stubs.Add(stub);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A claimed (pending) row disappears only when its webhook is deleted, which deletes all of that webhook's
            // rows, and a lane holds one webhook's rows: there is nothing left to record.
        }
        finally
        {
            foreach (var stub in stubs) db.Entry(stub).State = EntityState.Detached;
        }
    }

    private static readonly string[] Outcome =
    [
        nameof(WebhookDelivery.Status), nameof(WebhookDelivery.LastStatusCode), nameof(WebhookDelivery.LastDurationMs),
        nameof(WebhookDelivery.LastError), nameof(WebhookDelivery.LastAttemptAt), nameof(WebhookDelivery.NextAttemptAt),
    ];

    public Task SetFailureRunAsync(Guid subscriptionId, bool reset, int added, CancellationToken ct) => reset
        ? db.WebhookSubscriptions.Where(s => s.Id == subscriptionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.ConsecutiveFailures, added), ct)
        : db.WebhookSubscriptions.Where(s => s.Id == subscriptionId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ConsecutiveFailures, s => s.ConsecutiveFailures + added), ct);

    // Conditional on still being active, so of several nodes failing at once exactly one reports the disabling.
    public async Task<bool> DisableAsync(Guid subscriptionId, bool gone, int disableAfter, string reason, DateTime now, CancellationToken ct) =>
        await db.WebhookSubscriptions.Where(s => s.Id == subscriptionId && s.Active && (gone || s.ConsecutiveFailures >= disableAfter))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Active, false).SetProperty(s => s.DisabledReason, reason).SetProperty(s => s.UpdatedAt, now), ct) == 1;

    public async Task<bool> RequeueAsync(Guid subscriptionId, Guid deliveryId, DateTime now, CancellationToken ct) =>
        await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.SubscriptionId == subscriptionId && d.Status != WebhookDeliveryStatuses.Pending)
            .ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Status, WebhookDeliveryStatuses.Pending)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.NextAttemptAt, now), ct) == 1;

    public Task<int> PruneDeliveredAsync(DateTime before, CancellationToken ct) =>
        db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatuses.Delivered && d.DeliveredAt < before).ExecuteDeleteAsync(ct);

    // Per subscription: one indexed read (subscription_id, created_at) finds the keep-th newest finished row, one
    // delete removes the finished rows older than it. Rows sharing that row's timestamp stay, so at least `keep` remain.
    public async Task<int> PruneHistoryAsync(int keep, CancellationToken ct)
    {
        var pruned = 0;
        foreach (var subscriptionId in await db.WebhookSubscriptions.AsNoTracking().Select(s => s.Id).ToListAsync(ct))
        {
            var finished = db.WebhookDeliveries.Where(d => d.SubscriptionId == subscriptionId && d.Status != WebhookDeliveryStatuses.Pending);
            var cutoff = await finished.OrderByDescending(d => d.CreatedAt).Skip(keep - 1).Select(d => (DateTime?)d.CreatedAt).FirstOrDefaultAsync(ct);
            if (cutoff is { } before) pruned += await finished.Where(d => d.CreatedAt < before).ExecuteDeleteAsync(ct);
        }
        return pruned;
    }
}
