namespace Latchkey.Core.Social;

/// <summary>Port for pending upstream sign-ins.</summary>
public interface ISocialStateStore
{
    void Add(SocialState state);

    /// <summary>Deletes and returns the unexpired state with this hash; null if none, or if another request took it first.</summary>
    Task<SocialState?> TakeAsync(byte[] stateHash, DateTime now, CancellationToken ct);

    /// <summary>Removes states that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTime now, CancellationToken ct);
}

/// <summary>Port for linked upstream identities. Entities returned are tracked.</summary>
public interface IUserIdentityStore
{
    Task<UserIdentity?> FindAsync(string provider, string providerUserId, CancellationToken ct);
    Task<IReadOnlyList<UserIdentity>> ListForUserAsync(Guid userId, CancellationToken ct);
    void Add(UserIdentity identity);
    void Remove(UserIdentity identity);
}
