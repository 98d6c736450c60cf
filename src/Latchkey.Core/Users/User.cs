namespace Latchkey.Core.Users;

/// <summary>An account. Mapped by Latchkey.Data; the core mutates it and the unit of work saves it.</summary>
public sealed class User
{
    public Guid Id { get; set; }
    public required string Email { get; set; }
    /// <summary>Upper-invariant email: the unique key used for lookups.</summary>
    public required string NormalizedEmail { get; set; }
    public bool EmailVerified { get; set; }
    public string? Username { get; set; }
    public string? NormalizedUsername { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? AvatarUrl { get; set; }
    /// <summary>E.164; unique. Set once verified by SMS (or by an administrator).</summary>
    public string? PhoneNumber { get; set; }
    public bool PhoneNumberVerified { get; set; }
    /// <summary>Argon2id (or an imported bcrypt/PBKDF2 hash until the next sign-in). Null for password-less accounts.</summary>
    public string? PasswordHash { get; set; }
    public string Role { get; set; } = Roles.User;
    public bool Disabled { get; set; }
    public bool TwoFactorEnabled { get; set; }
    public int FailedSignInCount { get; set; }
    public DateTime? LockoutEndsAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
    public DateTime? PasswordChangedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string DisplayName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } name
            ? name
            : Email;
}
