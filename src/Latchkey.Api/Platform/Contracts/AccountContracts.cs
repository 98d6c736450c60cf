using System.Text.Json.Serialization;
using Latchkey.Core.Account;
using Latchkey.Core.Users;

namespace Latchkey.Api.Platform.Contracts;

/// <summary><c>PUT /api/user/profile</c>: the seed's OIDC claim names; absent or null leaves a field, "" clears it.</summary>
public sealed record ProfileUpdateRequest(
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name")] string? LastName,
    [property: JsonPropertyName("bio")] string? Bio,
    [property: JsonPropertyName("date_of_birth")] string? DateOfBirth,
    [property: JsonPropertyName("gender")] string? Gender,
    [property: JsonPropertyName("company")] string? Company,
    [property: JsonPropertyName("job_title")] string? JobTitle,
    [property: JsonPropertyName("website")] string? Website,
    [property: JsonPropertyName("location")] string? Location,
    [property: JsonPropertyName("address")] PostalAddress? Address,
    [property: JsonPropertyName("locale")] string? Locale,
    [property: JsonPropertyName("social_links")] Dictionary<string, string>? SocialLinks,
    [property: JsonPropertyName("timezone")] string? Timezone)
{
    public ProfileUpdate ToUpdate() => new(Username, DisplayName, FirstName, LastName, Bio, DateOfBirth, Gender, Company, JobTitle,
        Website, Location, Address, Locale, SocialLinks, Timezone);
}

/// <summary>The profile as <c>GET/PUT /api/user/profile</c> return it: the account's identity plus the OIDC claims.</summary>
public sealed record ProfileView(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("email_verified")] bool EmailVerified,
    [property: JsonPropertyName("phone_number")] string? PhoneNumber,
    [property: JsonPropertyName("phone_number_verified")] bool PhoneNumberVerified,
    [property: JsonPropertyName("avatar_url")] string? AvatarUrl,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name")] string? LastName,
    [property: JsonPropertyName("bio")] string? Bio,
    [property: JsonPropertyName("date_of_birth")] string? DateOfBirth,
    [property: JsonPropertyName("gender")] string? Gender,
    [property: JsonPropertyName("company")] string? Company,
    [property: JsonPropertyName("job_title")] string? JobTitle,
    [property: JsonPropertyName("website")] string? Website,
    [property: JsonPropertyName("location")] string? Location,
    [property: JsonPropertyName("address")] PostalAddress? Address,
    [property: JsonPropertyName("locale")] string? Locale,
    [property: JsonPropertyName("social_links")] IReadOnlyDictionary<string, string> SocialLinks,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("updated_at")] DateTime UpdatedAt)
{
    public static ProfileView From(ProfileSnapshot snapshot, UserDefaultsOptions defaults)
    {
        var (user, f) = (snapshot.User, ProfileFields.From(snapshot.User, snapshot.Profile));
        return new(user.Id, user.Email, user.EmailVerified, user.PhoneNumber, user.PhoneNumberVerified, user.AvatarUrl, user.ProfileName,
            f.Username, f.DisplayName, f.FirstName, f.LastName, f.Bio, f.DateOfBirth, f.Gender, f.Company, f.JobTitle, f.Website, f.Location,
            f.Address, f.Locale ?? defaults.DefaultLocale, f.SocialLinks ?? new Dictionary<string, string>(), f.Timezone, user.UpdatedAt);
    }
}

public sealed record ProfileResponse(bool Success, ProfileView Profile);

/// <summary><c>PUT /api/user/preferences</c>; absent or null leaves a preference as it is.</summary>
public sealed record PreferencesUpdateRequest(
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("date_format")] string? DateFormat,
    [property: JsonPropertyName("notifications")] Dictionary<string, bool>? Notifications)
{
    public PreferencesUpdate ToUpdate() => new(Language, Timezone, DateFormat, Notifications);
}

public sealed record PreferencesView(
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("date_format")] string DateFormat,
    [property: JsonPropertyName("notifications")] IReadOnlyDictionary<string, bool> Notifications)
{
    public static PreferencesView From(ProfileSnapshot snapshot, UserDefaultsOptions defaults)
    {
        var fields = PreferenceFields.From(snapshot.User, snapshot.Profile);
        return new(fields.Language ?? defaults.DefaultLocale, fields.Timezone, fields.DateFormat ?? Preferences.DateFormats[0], fields.Notifications);
    }
}

public sealed record PreferencesResponse(bool Success, PreferencesView Preferences);

public sealed record AvatarUploadedResponse(bool Success, string AvatarUrl);

/// <summary><c>DELETE /api/user/delete</c>: the current password (either name); none for an account without one, after step-up.</summary>
public sealed record AccountDeleteRequest(string? Password, string? CurrentPassword);
