namespace Latchkey.Core.Verification;

/// <summary>
/// A single-use proof of control of an address: a link secret (256 bits, stored as SHA-256) or a short
/// code (stored as an HMAC keyed with a server secret, with a per-code attempt budget).
/// </summary>
public sealed class VerificationTicket
{
    public Guid Id { get; set; }
    public required string Purpose { get; set; }
    /// <summary>The account it acts on; null for a passwordless sign-up that creates the account.</summary>
    public Guid? UserId { get; set; }
    /// <summary>The normalized address the message went to (upper-case email or E.164 phone number).</summary>
    public required string Target { get; set; }
    public required byte[] SecretHash { get; set; }
    /// <summary>Purpose-specific value, e.g. the new email exactly as typed for an email change.</summary>
    public string? Payload { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? ConsumedAt { get; set; }
}
