using Latchkey.Core.Scim;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores.Scim;

internal sealed class ScimTokenStore(LatchkeyDbContext db) : IScimTokenStore
{
    public void Add(ScimToken token) => db.ScimTokens.Add(token);

    public void Remove(ScimToken token) => db.ScimTokens.Remove(token);

    public async Task<IReadOnlyList<ScimToken>> ListForClientAsync(Guid clientRowId, CancellationToken ct) =>
        await db.ScimTokens.AsNoTracking().Where(t => t.ClientRowId == clientRowId).OrderBy(t => t.CreatedAt).ToListAsync(ct);

    public Task<ScimToken?> FindForClientAsync(Guid clientRowId, Guid tokenId, CancellationToken ct) =>
        db.ScimTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.ClientRowId == clientRowId, ct);

    public Task<int> CountForClientAsync(Guid clientRowId, CancellationToken ct) => db.ScimTokens.CountAsync(t => t.ClientRowId == clientRowId, ct);

    public Task<ScimTokenLookup?> FindBySecretHashAsync(byte[] secretHash, CancellationToken ct) =>
        (from t in db.ScimTokens.AsNoTracking()
         join c in db.OAuthClients on t.ClientRowId equals c.Id
         where t.SecretHash == secretHash && c.Active
         select new ScimTokenLookup(t.Id, t.ClientRowId, c.ClientId, t.LastUsedAt)).FirstOrDefaultAsync(ct);

    public Task TouchAsync(Guid tokenId, DateTime now, CancellationToken ct) =>
        db.ScimTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), ct);
}
