using System.Text.Json;

namespace Latchkey.Core.Account;

/// <summary>
/// A change to the profile: a null member is left as it is, an empty string (or an empty address or
/// social-links object) clears it. Names follow the OIDC standard claims the seed lists. <c>Metadata</c> is the
/// application's own JSON object on the account (the Nube and Nhost user's <c>metadata</c>); <c>{}</c> clears it.
/// </summary>
public sealed record ProfileUpdate(
    string? Username = null,
    string? DisplayName = null,
    string? FirstName = null,
    string? LastName = null,
    string? Bio = null,
    string? DateOfBirth = null,
    string? Gender = null,
    string? Company = null,
    string? JobTitle = null,
    string? Website = null,
    string? Location = null,
    PostalAddress? Address = null,
    string? Locale = null,
    IReadOnlyDictionary<string, string>? SocialLinks = null,
    string? Timezone = null,
    JsonElement? Metadata = null);

/// <summary>A change to the preferences; null members are left as they are.</summary>
public sealed record PreferencesUpdate(
    string? Language = null,
    string? Timezone = null,
    string? DateFormat = null,
    IReadOnlyDictionary<string, bool>? Notifications = null);
