namespace Latchkey.Core.OAuth;

public interface IOAuthClientStore
{
    void Add(OAuthClient client);
    void Remove(OAuthClient client);
    /// <summary>An untracked client by its public <c>client_id</c> (the hot path of every OAuth request).</summary>
    Task<OAuthClient?> FindByClientIdAsync(string clientId, CancellationToken ct);
    /// <summary>A tracked client by row id; when <paramref name="ownerUserId"/> is set, only that owner's.</summary>
    Task<OAuthClient?> FindForUpdateAsync(Guid id, Guid? ownerUserId, CancellationToken ct);
    Task<IReadOnlyList<OAuthClient>> ListAsync(Guid? ownerUserId, CancellationToken ct);
    Task<int> CountForOwnerAsync(Guid ownerUserId, CancellationToken ct);
    Task<IReadOnlyList<OAuthClient>> FindByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}
