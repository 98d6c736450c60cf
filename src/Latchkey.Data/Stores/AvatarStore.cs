using Latchkey.Core.Account;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

internal sealed class AvatarStore(LatchkeyDbContext db) : IAvatarStore
{
    public Task<string?> FindETagAsync(Guid userId, CancellationToken ct) =>
        db.Avatars.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.ETag).FirstOrDefaultAsync(ct);

    // One column of the three: the other sizes are not read.
    public Task<AvatarImage?> FindImageAsync(Guid userId, int size, CancellationToken ct)
    {
        var row = db.Avatars.AsNoTracking().Where(a => a.UserId == userId);
        return size switch
        {
            AvatarSizes.Small => row.Select(a => new AvatarImage(a.ETag, a.Small)).FirstOrDefaultAsync(ct),
            AvatarSizes.Medium => row.Select(a => new AvatarImage(a.ETag, a.Medium)).FirstOrDefaultAsync(ct),
            _ => row.Select(a => new AvatarImage(a.ETag, a.Large)).FirstOrDefaultAsync(ct),
        };
    }

    public Task<StoredAvatar?> FindAsync(Guid userId, CancellationToken ct) => db.Avatars.FirstOrDefaultAsync(a => a.UserId == userId, ct);

    public void Add(StoredAvatar avatar) => db.Avatars.Add(avatar);

    public void Remove(StoredAvatar avatar) => db.Avatars.Remove(avatar);
}
