using Latchkey.Core.OAuth;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class ApiResourceStore(LatchkeyDbContext db) : IApiResourceStore
{
    public void Add(ApiResource resource) => db.ApiResources.Add(resource);

    public void Remove(ApiResource resource) => db.ApiResources.Remove(resource);

    public Task<ApiResource?> FindForUpdateAsync(Guid id, CancellationToken ct) => db.ApiResources.FirstOrDefaultAsync(r => r.Id == id, ct);

    public async Task<IReadOnlyList<ApiResource>> ListAsync(CancellationToken ct) =>
        await db.ApiResources.AsNoTracking().OrderBy(r => r.Identifier).ToListAsync(ct);
}
