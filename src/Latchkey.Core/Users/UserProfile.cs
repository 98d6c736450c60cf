using System.Text.Json;
using System.Text.RegularExpressions;
using Latchkey.Core.Common;

namespace Latchkey.Core.Users;

/// <summary>What a sign-up may say about the new account beyond its credential.</summary>
public sealed record ProfileRequest(
    string? DisplayName = null,
    string? Locale = null,
    JsonElement? Metadata = null,
    string? DefaultRole = null,
    IReadOnlyList<string>? AllowedRoles = null);

/// <summary>
/// Checks a <see cref="ProfileRequest"/> against the configured defaults and applies it to a user:
/// roles only narrow the configured allowed roles, the default role is one of the allowed ones, the
/// locale is an allowed one, the display name has no characters that could be abused in markup.
/// </summary>
public static partial class UserProfile
{
    public const int MaxDisplayNameLength = 32;
    public const int MaxMetadataLength = 8192;

    public static AuthError? Validate(ProfileRequest request, UserDefaultsOptions defaults)
    {
        if (request.DisplayName is { } name && !IsValidDisplayName(name))
            return AuthError.Field("displayName", $"Display name must be 1 to {MaxDisplayNameLength} letters, digits, symbols, spaces or ,.'-");
        if (request.Locale is { } locale && !defaults.AllowedLocales.Contains(locale, StringComparer.Ordinal))
            return new AuthError(AuthErrorCodes.LocaleNotAllowed, "Locale not allowed");
        if (request.Metadata is { } metadata && !IsValidMetadata(metadata))
            return AuthError.Field("metadata", $"Metadata must be a JSON object of at most {MaxMetadataLength} characters");
        if (request.AllowedRoles is { } roles
            && (roles.Count is 0 or > UserRoles.MaxRoles || roles.Any(r => !defaults.AllowedRoles.Contains(r, StringComparer.Ordinal))))
            return new AuthError(AuthErrorCodes.RoleNotAllowed, "Role not allowed");
        var allowed = request.AllowedRoles ?? defaults.AllowedRoles;
        if (request.DefaultRole is { } role && !allowed.Contains(role, StringComparer.Ordinal))
            return new AuthError(AuthErrorCodes.DefaultRoleNotAllowed, "Default role must be in allowed roles");
        if (request.DefaultRole is null && !allowed.Contains(defaults.DefaultRole, StringComparer.Ordinal))
            return new AuthError(AuthErrorCodes.DefaultRoleNotAllowed, "Default role must be in allowed roles");
        return null;
    }

    /// <summary>Stores a validated request on the user, resolving what it left out to the configured defaults.</summary>
    public static void Apply(User user, ProfileRequest request, UserDefaultsOptions defaults)
    {
        user.ChosenDisplayName = request.DisplayName ?? user.ChosenDisplayName;
        user.Locale = request.Locale ?? user.Locale ?? defaults.DefaultLocale;
        if (request.Metadata is { } metadata) user.Metadata = metadata.GetRawText();
        user.AllowedRoles = UserRoles.Format(request.AllowedRoles ?? defaults.AllowedRoles);
        user.DefaultRole = request.DefaultRole ?? defaults.DefaultRole;
    }

    /// <summary>The one metadata rule of every surface: a JSON object, bounded in size.</summary>
    public static bool IsValidMetadata(JsonElement metadata) =>
        metadata.ValueKind == JsonValueKind.Object && metadata.GetRawText().Length <= MaxMetadataLength;

    /// <summary>The one display-name rule of every surface (sign-up metadata and the profile alike).</summary>
    public static bool IsValidDisplayName(string name) => name.Length <= MaxDisplayNameLength && DisplayNamePattern().IsMatch(name);

    [GeneratedRegex(@"^[\p{L}\p{N}\p{S} ,.'-]+$")]
    private static partial Regex DisplayNamePattern();
}
