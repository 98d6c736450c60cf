using Latchkey.Core.Cluster;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class ChangeVersionStore(LatchkeyDbContext db) : IChangeVersionStore
{
    // Every node runs it twice a second: compiled, a handful of rows by a primary key scan.
    private static readonly Func<LatchkeyDbContext, IAsyncEnumerable<ChangeVersion>> All =
        EF.CompileAsyncQuery((LatchkeyDbContext db) => db.ChangeVersions.AsNoTracking());

    public async Task<IReadOnlyList<ChangeVersion>> ReadAllAsync(CancellationToken ct)
    {
        var rows = new List<ChangeVersion>(8);
        await foreach (var row in All(db).WithCancellation(ct)) rows.Add(row);
        return rows;
    }
}
