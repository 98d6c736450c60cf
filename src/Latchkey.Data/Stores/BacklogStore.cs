using Latchkey.Core.Common.Backlog;
using Latchkey.Core.Messaging;
using Latchkey.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

/// <summary>Both queues in one statement (a UNION ALL of two aggregates over the pending rows, which the status indexes find).</summary>
internal sealed class BacklogStore(LatchkeyDbContext db) : IBacklogStore
{
    public async Task<(QueueBacklog Outbox, QueueBacklog Webhooks)> ReadAsync(CancellationToken ct)
    {
        var outbox = db.OutgoingMessages.AsNoTracking().Where(m => m.Status == MessageStatuses.Pending).GroupBy(_ => 1)
            .Select(g => new Row { Queue = 0, Pending = g.LongCount(), Oldest = g.Min(m => (DateTime?)m.CreatedAt) });
        var webhooks = db.WebhookDeliveries.AsNoTracking().Where(d => d.Status == WebhookDeliveryStatuses.Pending).GroupBy(_ => 1)
            .Select(g => new Row { Queue = 1, Pending = g.LongCount(), Oldest = g.Min(d => (DateTime?)d.CreatedAt) });
        // An empty queue has no group, hence no row.
        var rows = await outbox.Concat(webhooks).ToListAsync(ct);
        return (Backlog(rows, 0), Backlog(rows, 1));
    }

    private static QueueBacklog Backlog(List<Row> rows, int queue) =>
        rows.FirstOrDefault(r => r.Queue == queue) is { } row
            ? new(row.Pending, row.Oldest is { } oldest ? DateTime.SpecifyKind(oldest, DateTimeKind.Utc) : null)
            : default;

    private sealed class Row
    {
        public int Queue { get; init; }
        public long Pending { get; init; }
        public DateTime? Oldest { get; init; }
    }
}
