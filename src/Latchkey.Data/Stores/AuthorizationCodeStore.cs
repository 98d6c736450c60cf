using Latchkey.Core.OAuth;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class AuthorizationCodeStore(LatchkeyDbContext db) : IAuthorizationCodeStore
{
    public void Add(AuthorizationCode code) => db.AuthorizationCodes.Add(code);

    public Task<AuthorizationCode?> FindByHashAsync(byte[] codeHash, CancellationToken ct) =>
        db.AuthorizationCodes.AsNoTracking().FirstOrDefaultAsync(c => c.CodeHash == codeHash, ct);

    public async Task<bool> TryConsumeAsync(Guid codeId, Guid grantSessionId, DateTime now, CancellationToken ct) =>
        await db.AuthorizationCodes
            .Where(c => c.Id == codeId && c.ConsumedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ConsumedAt, now).SetProperty(c => c.GrantSessionId, grantSessionId), ct) == 1;
}
