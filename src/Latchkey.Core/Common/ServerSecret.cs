namespace Latchkey.Core.Common;

/// <summary>A named server-wide secret (e.g. the refresh-successor HMAC key), encrypted with Data Protection.</summary>
public sealed class ServerSecret
{
    public required string Name { get; set; }
    public required string ProtectedValue { get; set; }
    public DateTime CreatedAt { get; set; }
}

public interface IServerSecretStore
{
    Task<ServerSecret?> FindAsync(string name, CancellationToken ct);

    /// <summary>Inserts at once; false when another node created the same name first.</summary>
    Task<bool> TryAddAsync(ServerSecret secret, CancellationToken ct);
}
