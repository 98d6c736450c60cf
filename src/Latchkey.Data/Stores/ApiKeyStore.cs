using Latchkey.Core.ApiKeys;
using Latchkey.Core.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class ApiKeyStore(LatchkeyDbContext db) : IApiKeyStore
{
    public void Add(ApiKey key) => db.ApiKeys.Add(key);

    public void Remove(ApiKey key) => db.ApiKeys.Remove(key);

    public async Task<IReadOnlyList<ApiKey>> ListForUserAsync(Guid userId, CancellationToken ct) =>
        await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderBy(k => k.CreatedAt).ToListAsync(ct);

    public Task<int> CountForUserAsync(Guid userId, CancellationToken ct) => db.ApiKeys.CountAsync(k => k.UserId == userId, ct);

    public Task<ApiKey?> FindForUserAsync(Guid userId, Guid keyId, CancellationToken ct) =>
        db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.UserId == userId, ct);

    public Task<ApiKeyLookup?> FindBySecretHashAsync(byte[] secretHash, CancellationToken ct) =>
        (from k in db.ApiKeys.AsNoTracking()
         join u in db.Users on k.UserId equals u.Id
         where k.SecretHash == secretHash
         select new ApiKeyLookup(k.Id, k.LastUsedAt, k.ExpiresAt, k.Scopes, new TokenSubject(u.Id, u.Email, u.Username, u.Role, u.Disabled, u.IsAnonymous, u.DefaultRole, u.AllowedRoles, u.GroupRoles)))
        .FirstOrDefaultAsync(ct);

    public Task TouchAsync(Guid keyId, DateTime now, CancellationToken ct) =>
        db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAt, now), ct);

    public Task<int> DeleteAllForUserAsync(Guid userId, CancellationToken ct) =>
        db.ApiKeys.Where(k => k.UserId == userId).ExecuteDeleteAsync(ct);
}
