using Latchkey.Core.Sessions;

namespace Latchkey.Core.ApiKeys;

public interface IApiKeyStore
{
    void Add(ApiKey key);
    void Remove(ApiKey key);
    Task<IReadOnlyList<ApiKey>> ListForUserAsync(Guid userId, CancellationToken ct);
    Task<int> CountForUserAsync(Guid userId, CancellationToken ct);
    /// <summary>A tracked key of this user, or null (another user's key is "not found" too).</summary>
    Task<ApiKey?> FindForUserAsync(Guid userId, Guid keyId, CancellationToken ct);
    /// <summary>The key and its owner in one read, for authenticating a request.</summary>
    Task<ApiKeyLookup?> FindBySecretHashAsync(byte[] secretHash, CancellationToken ct);
    Task TouchAsync(Guid keyId, DateTime now, CancellationToken ct);
    /// <summary>Deletes every key of the user at once (in the ambient transaction); returns how many there were.</summary>
    Task<int> DeleteAllForUserAsync(Guid userId, CancellationToken ct);
}

public sealed record ApiKeyLookup(Guid KeyId, DateTime? LastUsedAt, DateTime? ExpiresAt, string? Scopes, TokenSubject Subject);
