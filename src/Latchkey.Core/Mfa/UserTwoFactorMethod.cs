namespace Latchkey.Core.Mfa;

/// <summary>One second factor of a user. Unconfirmed rows are a setup in progress and never count.</summary>
public sealed class UserTwoFactorMethod
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Method { get; set; }
    /// <summary>The TOTP key, encrypted with Data Protection (never stored in clear).</summary>
    public string? ProtectedSecret { get; set; }
    public bool IsDefault { get; set; }
    /// <summary>The last TOTP time step accepted: a code is good once, and never after a newer one.</summary>
    public long? LastUsedTimeStep { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }

    public bool IsConfirmed => ConfirmedAt is not null;
}
