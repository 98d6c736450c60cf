namespace Latchkey.Core.Account;

/// <summary>Port for uploaded avatars. The read methods are untracked projections for the public image endpoint.</summary>
public interface IAvatarStore
{
    /// <summary>The current ETag only: enough to answer a conditional request without reading the image.</summary>
    Task<string?> FindETagAsync(Guid userId, CancellationToken ct);
    Task<AvatarImage?> FindImageAsync(Guid userId, int size, CancellationToken ct);
    /// <summary>The tracked row, for replacing or removing it.</summary>
    Task<StoredAvatar?> FindAsync(Guid userId, CancellationToken ct);
    void Add(StoredAvatar avatar);
    void Remove(StoredAvatar avatar);
}
