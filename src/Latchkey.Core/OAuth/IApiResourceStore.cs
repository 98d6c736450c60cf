namespace Latchkey.Core.OAuth;

public interface IApiResourceStore
{
    void Add(ApiResource resource);
    void Remove(ApiResource resource);
    /// <summary>A tracked resource by row id, for changes.</summary>
    Task<ApiResource?> FindForUpdateAsync(Guid id, CancellationToken ct);
    /// <summary>Every resource, untracked (there are few; the catalog keeps them in memory).</summary>
    Task<IReadOnlyList<ApiResource>> ListAsync(CancellationToken ct);
}
