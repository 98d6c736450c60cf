namespace Latchkey.Core.Mfa;

/// <summary>A single-use recovery code, stored as its SHA-256 only.</summary>
public sealed class RecoveryCode
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required byte[] CodeHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
