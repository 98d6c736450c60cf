using Latchkey.Core.OAuth;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class OAuthClientStore(LatchkeyDbContext db) : IOAuthClientStore
{
    public void Add(OAuthClient client) => db.OAuthClients.Add(client);

    public void Remove(OAuthClient client) => db.OAuthClients.Remove(client);

    public Task<OAuthClient?> FindByClientIdAsync(string clientId, CancellationToken ct) =>
        db.OAuthClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, ct);

    public Task<OAuthClient?> FindForUpdateAsync(Guid id, Guid? ownerUserId, CancellationToken ct) =>
        db.OAuthClients.FirstOrDefaultAsync(c => c.Id == id && (ownerUserId == null || c.OwnerUserId == ownerUserId), ct);

    public async Task<IReadOnlyList<OAuthClient>> ListAsync(Guid? ownerUserId, CancellationToken ct) =>
        await db.OAuthClients.AsNoTracking()
            .Where(c => ownerUserId == null || c.OwnerUserId == ownerUserId)
            .OrderBy(c => c.CreatedAt)
            .ToListAsync(ct);

    public Task<int> CountForOwnerAsync(Guid ownerUserId, CancellationToken ct) => db.OAuthClients.CountAsync(c => c.OwnerUserId == ownerUserId, ct);

    public async Task<IReadOnlyList<OAuthClient>> FindByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.OAuthClients.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
}
