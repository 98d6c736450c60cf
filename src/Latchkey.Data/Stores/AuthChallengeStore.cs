using Latchkey.Core.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class AuthChallengeStore(LatchkeyDbContext db) : IAuthChallengeStore
{
    public void Add(AuthChallenge challenge) => db.AuthChallenges.Add(challenge);

    public Task<AuthChallenge?> FindAsync(byte[] tokenHash, string kind, DateTime now, CancellationToken ct) =>
        db.AuthChallenges.AsNoTracking().FirstOrDefaultAsync(c => c.TokenHash == tokenHash && c.Kind == kind && c.ExpiresAt > now, ct);

    public async Task<bool> TryTakeAttemptAsync(Guid id, int maxAttempts, CancellationToken ct) =>
        await db.AuthChallenges
            .Where(c => c.Id == id && c.Attempts < maxAttempts)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Attempts, c => c.Attempts + 1), ct) == 1;

    public async Task<bool> TryConsumeAsync(Guid id, CancellationToken ct) =>
        await db.AuthChallenges.Where(c => c.Id == id).ExecuteDeleteAsync(ct) == 1;

    public Task<int> DeleteExpiredAsync(DateTime now, CancellationToken ct) =>
        db.AuthChallenges.Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(ct);
}
