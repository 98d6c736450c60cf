using System.Text.Json;
using Latchkey.Core.Users;

namespace Latchkey.Core.Account;

/// <summary>
/// Applies a validated change to the tracked account and profile rows and names the fields that changed (the
/// activity row lists names, never values: a profile is personal data). An empty string clears a field.
/// </summary>
public static class ProfileApplier
{
    public static IReadOnlyList<string> Apply(User user, AccountProfile profile, ProfileUpdate update)
    {
        var changed = new List<string>();
        void Set(string name, string? value, string? current, Action<string?> store)
        {
            if (value is null) return;
            var next = value.Length == 0 ? null : value;
            if (next == current) return;
            store(next);
            changed.Add(name);
        }

        Set("username", update.Username, user.Username, v =>
        {
            user.Username = v;
            user.NormalizedUsername = v is null ? null : UserNormalizer.NormalizeUsername(v);
        });
        Set("display_name", update.DisplayName, user.ChosenDisplayName, v => user.ChosenDisplayName = v);
        Set("first_name", update.FirstName, user.FirstName, v => user.FirstName = v);
        Set("last_name", update.LastName, user.LastName, v => user.LastName = v);
        Set("locale", update.Locale, user.Locale, v => user.Locale = v);
        Set("bio", update.Bio, profile.Bio, v => profile.Bio = v);
        Set("date_of_birth", update.DateOfBirth, profile.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            v => profile.BirthDate = v is null ? null : DateOnly.ParseExact(v, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Set("gender", update.Gender, profile.Gender, v => profile.Gender = v);
        Set("company", update.Company, profile.Company, v => profile.Company = v);
        Set("job_title", update.JobTitle, profile.JobTitle, v => profile.JobTitle = v);
        Set("website", update.Website, profile.Website, v => profile.Website = v);
        Set("location", update.Location, profile.Location, v => profile.Location = v);
        Set("timezone", update.Timezone, profile.TimeZone, v => profile.TimeZone = v);
        if (update.Address is { } address)
            Set("address", address.IsEmpty ? "" : address.ToJson(), profile.Address, v => profile.Address = v);
        if (update.SocialLinks is { } links)
            Set("social_links", links.Count == 0 ? "" : JsonSerializer.Serialize(links), profile.SocialLinks, v => profile.SocialLinks = v);
        if (update.Metadata is { } metadata)
            Set("metadata", IsEmptyObject(metadata) ? "" : metadata.GetRawText(), user.Metadata, v => user.Metadata = v);
        return changed;
    }

    private static bool IsEmptyObject(JsonElement value) => value.ValueKind == JsonValueKind.Object && !value.EnumerateObject().Any();

    public static IReadOnlyList<string> Apply(User user, AccountProfile profile, PreferencesUpdate update)
    {
        var changed = new List<string>();
        if (update.Language is { } language && language != (user.Locale ?? "")) { user.Locale = language.Length == 0 ? null : language; changed.Add("language"); }
        if (update.Timezone is { } zone && zone != (profile.TimeZone ?? "")) { profile.TimeZone = zone.Length == 0 ? null : zone; changed.Add("timezone"); }
        if (update.DateFormat is { } format && format != (profile.DateFormat ?? "")) { profile.DateFormat = format.Length == 0 ? null : format; changed.Add("date_format"); }
        if (update.Notifications is { } notices)
        {
            profile.Notifications = notices.Count == 0 ? null : JsonSerializer.Serialize(notices.OrderBy(n => n.Key, StringComparer.Ordinal).ToDictionary());
            changed.Add("notifications");
        }
        return changed;
    }
}
