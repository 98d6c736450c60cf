using Latchkey.Core.OAuth;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class ConsentStore(LatchkeyDbContext db) : IConsentStore
{
    public Task<OAuthConsent?> FindAsync(Guid userId, Guid clientRowId, CancellationToken ct) =>
        db.OAuthConsents.FirstOrDefaultAsync(c => c.UserId == userId && c.ClientRowId == clientRowId, ct);

    public void Add(OAuthConsent consent) => db.OAuthConsents.Add(consent);

    public void Remove(OAuthConsent consent) => db.OAuthConsents.Remove(consent);

    public async Task<IReadOnlyList<OAuthConsent>> ListForUserAsync(Guid userId, CancellationToken ct) =>
        await db.OAuthConsents.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.CreatedAt).ToListAsync(ct);
}
