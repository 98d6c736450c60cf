using System.Text.RegularExpressions;
using Latchkey.Core.Common;
using Latchkey.Core.Users;

namespace Latchkey.Core.Account;

/// <summary>
/// Checks a <see cref="ProfileUpdate"/> before anything is read or written. Each error names the field (in the
/// seed's snake_case), so a form can show it beside the input.
/// </summary>
public static partial class ProfileValidator
{
    public const int MaxBioLength = 500;
    public const int MaxShortText = 100;
    public const int MaxLocationLength = 200;
    public const int MaxUrlLength = 2048;
    public const int MaxSocialLinks = 10;
    public const int OldestAge = 150;

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,64}$")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex NetworkPattern();

    public static AuthError? Validate(ProfileUpdate update, UserDefaultsOptions defaults, DateOnly today) =>
        Username(update.Username)
        ?? DisplayName(update.DisplayName)
        ?? Length("first_name", update.FirstName, MaxShortText)
        ?? Length("last_name", update.LastName, MaxShortText)
        ?? Length("bio", update.Bio, MaxBioLength)
        ?? BirthDate(update.DateOfBirth, today)
        ?? Length("gender", update.Gender, MaxShortText)
        ?? Length("company", update.Company, MaxShortText)
        ?? Length("job_title", update.JobTitle, MaxShortText)
        ?? Url("website", update.Website)
        ?? Length("location", update.Location, MaxLocationLength)
        ?? Address(update.Address)
        ?? Locale("locale", update.Locale, defaults)
        ?? SocialLinks(update.SocialLinks)
        ?? TimeZone("timezone", update.Timezone)
        ?? Metadata(update.Metadata);

    private static AuthError? Metadata(System.Text.Json.JsonElement? metadata) =>
        metadata is { } value && !UserProfile.IsValidMetadata(value)
            ? AuthError.Field("metadata", $"metadata must be a JSON object of at most {UserProfile.MaxMetadataLength} characters")
            : null;

    private static AuthError? Username(string? username) =>
        username is { Length: > 0 } && !UsernamePattern().IsMatch(username)
            ? AuthError.Field("username", "username must be 3 to 64 letters, digits, '.', '-' or '_'")
            : null;

    private static AuthError? DisplayName(string? name) =>
        name is { Length: > 0 } && !UserProfile.IsValidDisplayName(name)
            ? AuthError.Field("display_name", $"display_name must be 1 to {UserProfile.MaxDisplayNameLength} letters, digits, symbols, spaces or ,.'-")
            : null;

    private static AuthError? Length(string field, string? value, int max) =>
        value is { Length: > 0 } && value.Length > max ? AuthError.Field(field, $"{field} must be at most {max} characters") : null;

    /// <summary>A real calendar date (no 30 February), in the past, and not before anyone alive was born.</summary>
    private static AuthError? BirthDate(string? value, DateOnly today)
    {
        if (value is not { Length: > 0 }) return null;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            return AuthError.Field("date_of_birth", "date_of_birth must be a real date written YYYY-MM-DD");
        return date >= today || date < today.AddYears(-OldestAge)
            ? AuthError.Field("date_of_birth", $"date_of_birth must be in the past and within the last {OldestAge} years")
            : null;
    }

    internal static AuthError? Url(string field, string? value)
    {
        if (value is not { Length: > 0 }) return null;
        return value.Length <= MaxUrlLength && IsWebUrl(value) ? null
            : AuthError.Field(field, $"{field} must be an http or https URL of at most {MaxUrlLength} characters");
    }

    private static bool IsWebUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
        && string.IsNullOrEmpty(uri.UserInfo);

    private static AuthError? Address(PostalAddress? address)
    {
        if (address is null) return null;
        return Length("address.formatted", address.Formatted, MaxBioLength)
            ?? Length("address.street_address", address.StreetAddress, MaxLocationLength)
            ?? Length("address.locality", address.Locality, MaxShortText)
            ?? Length("address.region", address.Region, MaxShortText)
            ?? Length("address.postal_code", address.PostalCode, 20)
            ?? Length("address.country", address.Country, MaxShortText);
    }

    internal static AuthError? Locale(string field, string? locale, UserDefaultsOptions defaults) =>
        locale is { Length: > 0 } && !defaults.AllowedLocales.Contains(locale, StringComparer.Ordinal)
            ? AuthError.Field(field, $"{field} must be one of: {string.Join(", ", defaults.AllowedLocales)}")
            : null;

    private static AuthError? SocialLinks(IReadOnlyDictionary<string, string>? links)
    {
        if (links is null) return null;
        if (links.Count > MaxSocialLinks) return AuthError.Field("social_links", $"social_links holds at most {MaxSocialLinks} links");
        foreach (var (network, url) in links)
        {
            if (!NetworkPattern().IsMatch(network))
                return AuthError.Field("social_links", "social_links names must be 1 to 32 lowercase letters, digits, '-' or '_'");
            if (string.IsNullOrEmpty(url)) return AuthError.Field($"social_links.{network}", "a link must not be empty");
            if (Url($"social_links.{network}", url) is { } bad) return bad;
        }
        return null;
    }

    /// <summary>An IANA zone this server knows (tzdata), named as IANA names it: never a Windows id.</summary>
    internal static AuthError? TimeZone(string field, string? zone)
    {
        if (zone is not { Length: > 0 }) return null;
        return zone.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) && found.HasIanaId && zone != "Local"
            ? null
            : AuthError.Field(field, $"{field} must be an IANA time zone such as Europe/Paris");
    }
}
