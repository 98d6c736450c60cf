using Latchkey.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class ActivityStore(LatchkeyDbContext db) : IActivityStore
{
    public void Add(ActivityEntry entry) => db.Activity.Add(entry);

    public async Task<(IReadOnlyList<ActivityEntry> Items, int Total)> ListForUserAsync(Guid userId, int page, int limit, CancellationToken ct)
    {
        var query = db.Activity.AsNoTracking().Where(a => a.UserId == userId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * limit).Take(limit).ToListAsync(ct);
        return (items, total);
    }
}
