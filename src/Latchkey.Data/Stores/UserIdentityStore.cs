using Latchkey.Core.Social;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class UserIdentityStore(LatchkeyDbContext db) : IUserIdentityStore
{
    public Task<UserIdentity?> FindAsync(string provider, string providerUserId, CancellationToken ct) =>
        db.UserIdentities.FirstOrDefaultAsync(i => i.Provider == provider && i.ProviderUserId == providerUserId, ct);

    public async Task<IReadOnlyList<UserIdentity>> ListForUserAsync(Guid userId, CancellationToken ct) =>
        await db.UserIdentities.Where(i => i.UserId == userId).OrderBy(i => i.CreatedAt).ToListAsync(ct);

    public void Add(UserIdentity identity) => db.UserIdentities.Add(identity);

    public void Remove(UserIdentity identity) => db.UserIdentities.Remove(identity);
}
