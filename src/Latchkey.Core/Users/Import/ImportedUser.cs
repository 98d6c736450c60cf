namespace Latchkey.Core.Users.Import;

/// <summary>
/// One account as a source file describes it, already mapped from the source's field names. The password is
/// only ever a hash (checked by <see cref="Credentials.StoredPasswordHash"/>): imports never carry plaintext.
/// </summary>
public sealed record ImportedUser
{
    public required string Email { get; init; }
    public bool EmailVerified { get; init; }
    public string? Username { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? DisplayName { get; init; }
    public string? AvatarUrl { get; init; }
    public string? PhoneNumber { get; init; }
    public bool PhoneNumberVerified { get; init; }
    public string? Role { get; init; }
    public string? Locale { get; init; }
    /// <summary>A JSON object as text.</summary>
    public string? Metadata { get; init; }
    public string? PasswordHash { get; init; }
    public bool Disabled { get; init; }
    public DateTime? CreatedAt { get; init; }
    /// <summary>Upstream accounts (social or enterprise sign-in) linked to this one, carried over as they were.</summary>
    public IReadOnlyList<ImportedIdentity> Identities { get; init; } = [];
}

/// <summary>
/// A linked upstream account: the provider's name as configured here (<c>Latchkey:Social:Providers:NAME</c>) and the
/// user's id at that provider (the OIDC <c>sub</c>, GitHub's numeric id), so signing in there reaches this account.
/// </summary>
public sealed record ImportedIdentity(string Provider, string ProviderUserId, string? Email = null);

/// <summary>A record read from the source: a user, or why the record could not be read. Line is 1-based (record number for JSON).</summary>
public sealed record ImportRecord(long Line, ImportedUser? User, string? Problem)
{
    public static ImportRecord Read(long line, ImportedUser user) => new(line, user, null);
    public static ImportRecord Unreadable(long line, string problem) => new(line, null, problem);
}

/// <summary>A record that was not imported, for the report file.</summary>
public sealed record SkippedRecord(long Line, string? Email, string Reason);
