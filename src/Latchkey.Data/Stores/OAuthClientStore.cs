using Latchkey.Core.OAuth;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class OAuthClientStore(LatchkeyDbContext db, OAuthClientCache cache) : IOAuthClientStore
{
    public void Add(OAuthClient client) => db.OAuthClients.Add(client);

    public void Remove(OAuthClient client) => db.OAuthClients.Remove(client);

    public async Task<OAuthClient?> FindByClientIdAsync(string clientId, CancellationToken ct)
    {
        if (cache.Find(clientId) is { } cached) return cached;
        var generation = cache.Generation;
        var client = await ByClientId(db, clientId, ct);
        if (client is not null) cache.Remember(client, generation);
        return client;
    }

    // Compiled once: the query runs on every cache miss of every OAuth request.
    private static readonly Func<LatchkeyDbContext, string, CancellationToken, Task<OAuthClient?>> ByClientId =
        EF.CompileAsyncQuery((LatchkeyDbContext db, string clientId, CancellationToken ct) =>
            db.OAuthClients.AsNoTracking().FirstOrDefault(c => c.ClientId == clientId));

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
