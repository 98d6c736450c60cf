namespace Latchkey.Core.Passkeys;

/// <summary>Port for passkeys. Entities returned are tracked.</summary>
public interface IPasskeyStore
{
    Task<IReadOnlyList<Passkey>> ListForUserAsync(Guid userId, CancellationToken ct);
    Task<Passkey?> FindAsync(Guid userId, byte[] credentialId, CancellationToken ct);
    /// <summary>The owner of a credential id, whoever it is (registration refuses ids already taken).</summary>
    Task<Guid?> FindOwnerAsync(byte[] credentialId, CancellationToken ct);
    Task<int> CountForUserAsync(Guid userId, CancellationToken ct);
    void Add(Passkey passkey);
    void Remove(Passkey passkey);
}
