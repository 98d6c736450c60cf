namespace Latchkey.Core.OAuth;

public interface IDeviceAuthorizationStore
{
    void Add(DeviceAuthorization authorization);
    /// <summary>A tracked authorization by the hash of its device code.</summary>
    Task<DeviceAuthorization?> FindByDeviceCodeAsync(byte[] deviceCodeHash, CancellationToken ct);
    /// <summary>A tracked authorization by the hash of its user code.</summary>
    Task<DeviceAuthorization?> FindByUserCodeAsync(byte[] userCodeHash, CancellationToken ct);
    /// <summary>Moves an approved authorization to consumed only once (conditional UPDATE); false if already done.</summary>
    Task<bool> TryConsumeAsync(Guid id, CancellationToken ct);
}
