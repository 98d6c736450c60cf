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

    /// <summary>A guest account from anonymous sign-in: no credential yet, until it is deanonymized.</summary>
    public bool IsAnonymous { get; set; }
    /// <summary>The role a token carries when the client asks for none; null means the configured default.</summary>
    public string? DefaultRole { get; set; }
    /// <summary>Space-separated roles a token may carry (Hasura's allowed roles); null means the configured defaults.</summary>
    public string? AllowedRoles { get; set; }
    /// <summary>
    /// Space-separated, sorted Latchkey roles the account holds through its groups (see <see cref="Scim.GroupRoles"/>):
    /// kept on the row, rewritten when a group's roles or members change, so every credential lookup that reads the
    /// account's role reads these in the same query. Null when no group of the account carries a role.
    /// </summary>
    public string? GroupRoles { get; set; }
    /// <summary>Two-letter language code; null means the configured default.</summary>
    public string? Locale { get; set; }
    /// <summary>Free-form JSON object the application stores with the account.</summary>
    public string? Metadata { get; set; }
    /// <summary>The name the user chose to be shown; when absent, first and last name or the email.</summary>
    public string? ChosenDisplayName { get; set; }

    public string DisplayName => ProfileName ?? Email;

    /// <summary>
    /// The chosen display name, else first and last name; null when the account has neither. Never the email:
    /// the OIDC <c>profile</c> scope must not reveal it (OIDC Core §5.4), so <c>name</c> is left out instead.
    /// </summary>
    public string? ProfileName =>
        ChosenDisplayName is { Length: > 0 } chosen ? chosen
        : string.Join(' ', new[] { FirstName, LastName }.Where(part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } name ? name
        : null;
}
