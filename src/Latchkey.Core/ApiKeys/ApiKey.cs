namespace Latchkey.Core.ApiKeys;

/// <summary>
/// A long-lived credential for server-to-server calls, acting as its owner. Only the SHA-256 of the
/// secret is stored; the secret is shown once, at creation. Deleting the row revokes it.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public required byte[] SecretHash { get; set; }
    /// <summary>The first characters of the secret, so a user can tell keys apart without the secret.</summary>
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    /// <summary>After this the key stops working (personal access tokens always have one; API keys may not).</summary>
    public DateTime? ExpiresAt { get; set; }
    /// <summary>Free-form JSON object the owner attached (personal access tokens).</summary>
    public string? Metadata { get; set; }
    /// <summary>Space-separated permission names the key is limited to (<see cref="ApiKeyScopes"/>); null: the owner's full permissions.</summary>
    public string? Scopes { get; set; }

    public bool IsExpired(DateTime now) => ExpiresAt is { } expires && expires <= now;
}
