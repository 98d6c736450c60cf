using Latchkey.Core.Account;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class AccountProfileStore(LatchkeyDbContext db) : IAccountProfileStore
{
    public Task<AccountProfile?> FindAsync(Guid userId, CancellationToken ct) => db.AccountProfiles.FirstOrDefaultAsync(p => p.UserId == userId, ct);

    public void Add(AccountProfile profile) => db.AccountProfiles.Add(profile);
}
