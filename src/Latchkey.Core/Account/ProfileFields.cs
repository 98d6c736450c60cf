using System.Globalization;
using System.Text.Json;
using Latchkey.Core.Users;

namespace Latchkey.Core.Account;

/// <summary>
/// The profile as one set of values, read from the account and its profile row: what the Platform profile, the
/// OIDC claims and the export all show, so no surface assembles it its own way.
/// </summary>
public sealed record ProfileFields(
    string? Username, string? DisplayName, string? FirstName, string? LastName, string? Bio, string? DateOfBirth, string? Gender,
    string? Company, string? JobTitle, string? Website, string? Location, PostalAddress? Address, string? Locale,
    IReadOnlyDictionary<string, string>? SocialLinks, string? Timezone)
{
    public static ProfileFields From(User user, AccountProfile profile) => new(
        user.Username, user.ChosenDisplayName, user.FirstName, user.LastName, profile.Bio,
        profile.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), profile.Gender, profile.Company, profile.JobTitle,
        profile.Website, profile.Location, PostalAddress.FromJson(profile.Address), user.Locale,
        profile.SocialLinks is { } links ? JsonSerializer.Deserialize<Dictionary<string, string>>(links) : null, profile.TimeZone);
}

/// <summary>The preferences as one set of values; notices not switched off are on.</summary>
public sealed record PreferenceFields(string? Language, string? Timezone, string? DateFormat, IReadOnlyDictionary<string, bool> Notifications)
{
    public static PreferenceFields From(User user, AccountProfile profile)
    {
        var stored = profile.Notifications is { } json ? JsonSerializer.Deserialize<Dictionary<string, bool>>(json) ?? [] : [];
        var notices = Preferences.NotificationNames.ToDictionary(name => name, name => stored.GetValueOrDefault(name, true));
        return new PreferenceFields(user.Locale, profile.TimeZone, profile.DateFormat, notices);
    }

    /// <summary>Whether the person wants <paramref name="notice"/>; on unless they switched it off.</summary>
    public bool Wants(string notice) => Notifications.GetValueOrDefault(notice, true);
}
