using Latchkey.Core.Social;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class SocialStateStore(LatchkeyDbContext db) : ISocialStateStore
{
    public void Add(SocialState state) => db.SocialStates.Add(state);

    public async Task<SocialState?> TakeAsync(byte[] stateHash, DateTime now, CancellationToken ct)
    {
        var state = await db.SocialStates.AsNoTracking().FirstOrDefaultAsync(s => s.StateHash == stateHash, ct);
        if (state is null) return null;
        // The delete is the single-use guard: of two concurrent callbacks only one deletes the row.
        var deleted = await db.SocialStates.Where(s => s.Id == state.Id).ExecuteDeleteAsync(ct);
        return deleted == 1 && state.ExpiresAt > now ? state : null;
    }

    public Task<int> DeleteExpiredAsync(DateTime now, CancellationToken ct) =>
        db.SocialStates.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(ct);
}
