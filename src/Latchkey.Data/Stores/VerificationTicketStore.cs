using Latchkey.Core.Verification;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class VerificationTicketStore(LatchkeyDbContext db) : IVerificationTicketStore
{
    public void Add(VerificationTicket ticket) => db.VerificationTickets.Add(ticket);

    public Task<VerificationTicket?> FindActiveByHashAsync(string purpose, byte[] secretHash, DateTime now, CancellationToken ct) =>
        db.VerificationTickets.AsNoTracking()
            .FirstOrDefaultAsync(t => t.SecretHash == secretHash && t.Purpose == purpose && t.ConsumedAt == null && t.ExpiresAt > now, ct);

    public Task<VerificationTicket?> FindNewestActiveAsync(string purpose, string target, DateTime now, CancellationToken ct) =>
        db.VerificationTickets.AsNoTracking()
            .Where(t => t.Purpose == purpose && t.Target == target && t.ConsumedAt == null && t.ExpiresAt > now)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .FirstOrDefaultAsync(ct);

    public Task<int> CountIssuedSinceAsync(string purpose, string target, DateTime since, CancellationToken ct) =>
        db.VerificationTickets.CountAsync(t => t.Purpose == purpose && t.Target == target && t.CreatedAt > since, ct);

    public Task SupersedeAsync(string purpose, string target, DateTime now, CancellationToken ct) =>
        db.VerificationTickets
            .Where(t => t.Purpose == purpose && t.Target == target && t.ConsumedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.ConsumedAt, now), ct);

    public async Task<bool> TryTakeAttemptAsync(Guid ticketId, int maxAttempts, DateTime now, CancellationToken ct) =>
        await db.VerificationTickets
            .Where(t => t.Id == ticketId && t.ConsumedAt == null && t.ExpiresAt > now && t.Attempts < maxAttempts)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Attempts, t => t.Attempts + 1), ct) == 1;

    public async Task<bool> TryConsumeAsync(Guid ticketId, DateTime now, CancellationToken ct) =>
        await db.VerificationTickets
            .Where(t => t.Id == ticketId && t.ConsumedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.ConsumedAt, now), ct) == 1;
}
