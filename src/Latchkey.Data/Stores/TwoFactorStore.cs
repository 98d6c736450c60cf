using Latchkey.Core.Mfa;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class TwoFactorStore(LatchkeyDbContext db) : ITwoFactorStore
{
    public async Task<IReadOnlyList<UserTwoFactorMethod>> ListMethodsAsync(Guid userId, CancellationToken ct) =>
        await db.TwoFactorMethods.Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt).ToListAsync(ct);

    public void Add(UserTwoFactorMethod method) => db.TwoFactorMethods.Add(method);

    public void Remove(UserTwoFactorMethod method) => db.TwoFactorMethods.Remove(method);

    public async Task<bool> TryUseTimeStepAsync(Guid methodId, long step, CancellationToken ct) =>
        await db.TwoFactorMethods
            .Where(m => m.Id == methodId && (m.LastUsedTimeStep == null || m.LastUsedTimeStep < step))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LastUsedTimeStep, step), ct) == 1;

    public Task<int> CountUnusedRecoveryCodesAsync(Guid userId, CancellationToken ct) =>
        db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, ct);

    public async Task<bool> TryUseRecoveryCodeAsync(Guid userId, byte[] codeHash, DateTime now, CancellationToken ct) =>
        await db.RecoveryCodes
            .Where(c => c.UserId == userId && c.CodeHash == codeHash && c.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.UsedAt, now), ct) == 1;

    public async Task ReplaceRecoveryCodesAsync(Guid userId, IEnumerable<RecoveryCode> codes, CancellationToken ct)
    {
        await DeleteRecoveryCodesAsync(userId, ct);
        db.RecoveryCodes.AddRange(codes);
    }

    public Task DeleteRecoveryCodesAsync(Guid userId, CancellationToken ct) =>
        db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
}
