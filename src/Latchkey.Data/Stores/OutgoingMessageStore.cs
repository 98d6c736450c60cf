using Latchkey.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class OutgoingMessageStore(LatchkeyDbContext db) : IOutgoingMessageStore
{
    public void Add(OutgoingMessage message) => db.OutgoingMessages.Add(message);

    public async Task<IReadOnlyList<OutgoingMessage>> ListDueAsync(DateTime now, int max, CancellationToken ct) =>
        await db.OutgoingMessages.AsNoTracking()
            .Where(m => m.Status == MessageStatuses.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(max)
            .ToListAsync(ct);

    public async Task<bool> TryClaimAsync(Guid id, int seenAttempts, DateTime leaseUntil, CancellationToken ct) =>
        await db.OutgoingMessages
            .Where(m => m.Id == id && m.Status == MessageStatuses.Pending && m.Attempts == seenAttempts)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Attempts, seenAttempts + 1).SetProperty(m => m.NextAttemptAt, leaseUntil), ct) == 1;

    public Task MarkSentAsync(Guid id, DateTime now, CancellationToken ct) =>
        db.OutgoingMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, MessageStatuses.Sent)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.ProtectedContent, ""), ct);

    public Task MarkAttemptFailedAsync(Guid id, string error, bool giveUp, DateTime retryAt, CancellationToken ct) =>
        giveUp
            ? db.OutgoingMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, MessageStatuses.Failed)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.ProtectedContent, ""), ct)
            : db.OutgoingMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, retryAt), ct);

    public Task<OutgoingMessage?> FindAsync(Guid id, CancellationToken ct) =>
        db.OutgoingMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
}
