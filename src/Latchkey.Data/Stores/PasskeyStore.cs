using Latchkey.Core.Passkeys;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class PasskeyStore(LatchkeyDbContext db) : IPasskeyStore
{
    public async Task<IReadOnlyList<Passkey>> ListForUserAsync(Guid userId, CancellationToken ct) =>
        await db.Passkeys.Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ToListAsync(ct);

    public Task<Passkey?> FindAsync(Guid userId, byte[] credentialId, CancellationToken ct) =>
        db.Passkeys.FirstOrDefaultAsync(p => p.UserId == userId && p.CredentialId == credentialId, ct);

    public async Task<Guid?> FindOwnerAsync(byte[] credentialId, CancellationToken ct) =>
        await db.Passkeys.Where(p => p.CredentialId == credentialId).Select(p => (Guid?)p.UserId).FirstOrDefaultAsync(ct);

    public Task<int> CountForUserAsync(Guid userId, CancellationToken ct) => db.Passkeys.CountAsync(p => p.UserId == userId, ct);

    public void Add(Passkey passkey) => db.Passkeys.Add(passkey);

    public void Remove(Passkey passkey) => db.Passkeys.Remove(passkey);
}
