using Latchkey.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class RevokedAccessTokenStore(LatchkeyDbContext db) : IRevokedAccessTokenStore
{
    public Task AddAsync(RevokedAccessToken entry, CancellationToken ct) => db.TryInsertAsync(entry, ct);

    public async Task<IReadOnlyList<RevokedAccessToken>> ChangedSinceAsync(long afterSequence, DateTime revokedSince, DateTime now, CancellationToken ct) =>
        await db.RevokedAccessTokens.AsNoTracking()
            .Where(r => (r.Sequence > afterSequence || r.RevokedAt >= revokedSince) && r.ExpiresAt > now)
            .ToListAsync(ct);

    public Task PruneAsync(DateTime now, CancellationToken ct) =>
        db.RevokedAccessTokens.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
}
