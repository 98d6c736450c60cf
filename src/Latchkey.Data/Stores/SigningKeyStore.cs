using Latchkey.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class SigningKeyStore(LatchkeyDbContext db) : ISigningKeyStore
{
    public async Task<IReadOnlyList<SigningKey>> ListPublishedAsync(DateTime now, CancellationToken ct) =>
        await db.SigningKeys.AsNoTracking()
            .Where(k => k.PublishUntil == null || k.PublishUntil > now)
            .OrderByDescending(k => k.CreatedAt)
            .ToListAsync(ct);

    public Task<bool> TryAddAsync(SigningKey key, CancellationToken ct) =>
        db.TryInsertAsync(key, ct);

    public Task RetireCurrentAsync(string purpose, DateTime now, DateTime publishUntil, CancellationToken ct) =>
        db.SigningKeys.Where(k => k.Purpose == purpose && k.RetiredAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.RetiredAt, now).SetProperty(k => k.PublishUntil, publishUntil), ct);
}
