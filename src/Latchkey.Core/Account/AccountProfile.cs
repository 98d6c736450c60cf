namespace Latchkey.Core.Account;

/// <summary>
/// What a person says about themselves beyond the account's identity (the OIDC standard claims the
/// <c>users</c> row does not hold) and how they want to be served. One row per user, created on first
/// write; <c>users</c> keeps username, display name, names, locale and phone, which every surface reads.
/// </summary>
public sealed class AccountProfile
{
    public Guid UserId { get; set; }
    public string? Bio { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Gender { get; set; }
    public string? Company { get; set; }
    public string? JobTitle { get; set; }
    public string? Website { get; set; }
    public string? Location { get; set; }
    /// <summary>The OIDC address claim (OIDC Core §5.1.1), as its JSON object.</summary>
    public string? Address { get; set; }
    /// <summary>A JSON object of network name to profile URL.</summary>
    public string? SocialLinks { get; set; }
    /// <summary>IANA time zone (zoneinfo claim); also the preference the pages and mails format times in.</summary>
    public string? TimeZone { get; set; }
    /// <summary>One of <see cref="Preferences.DateFormats"/>; null means the server's default.</summary>
    public string? DateFormat { get; set; }
    /// <summary>A JSON object of security notice name to on/off; absent names are on.</summary>
    public string? Notifications { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static AccountProfile Empty(Guid userId) => new() { UserId = userId };
}
