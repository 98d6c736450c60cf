namespace Latchkey.Core.Passkeys;

/// <summary>A WebAuthn credential registered to a user (public key only; the private key never leaves the authenticator).</summary>
public sealed class Passkey
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required byte[] CredentialId { get; set; }
    /// <summary>The COSE public key from the attestation.</summary>
    public required byte[] PublicKey { get; set; }
    public required string Name { get; set; }
    /// <summary>The authenticator's signature counter; a counter that goes backwards hints at a cloned authenticator.</summary>
    public long SignCount { get; set; }
    /// <summary>Comma-separated transports the browser reported ("internal,hybrid").</summary>
    public string? Transports { get; set; }
    public bool IsUserVerified { get; set; }
    public bool IsBackupEligible { get; set; }
    public bool IsBackedUp { get; set; }
    public byte[]? AttestationObject { get; set; }
    public byte[]? ClientDataJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
