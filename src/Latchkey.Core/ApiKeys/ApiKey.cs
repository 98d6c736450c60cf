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
}
