using System.Text.Json;
using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Verification;

namespace Latchkey.Core.Users.Import;

/// <summary>
/// Turns an imported record into an account with the rules every surface applies (email, names, username, role,
/// display name, locale, metadata, phone), or says why it cannot be imported.
/// </summary>
internal static class ImportedUserMapper
{
    public static Result<User> Map(ImportedUser source, UserDefaultsOptions defaults, DateTime now)
    {
        if (!UserNormalizer.IsValidEmail(source.Email)) return Reject("email address is not valid");
        if (source.PasswordHash is { } hash && !StoredPasswordHash.IsSupported(hash))
            return Reject("password hash is in no supported format (bcrypt, PBKDF2, Argon2, ASP.NET Identity); it was not stored");
        if (InvalidName(source.FirstName) || InvalidName(source.LastName))
            return Reject($"first and last name must be at most {RegistrationService.MaxNameLength} characters without control characters");
        if ((source.Role ?? source.Username) is not null
            && UserChangeValidator.Validate(new UserChange(Role: source.Role, Username: source.Username)) is { } change) return Reject(change.Message);
        string? phone = null;
        if (source.PhoneNumber is { Length: > 0 } rawPhone && (phone = PhoneNumbers.Normalize(rawPhone)) is null)
            return Reject("phone number is not E.164 (+ and 8 to 15 digits)");
        JsonElement? metadata = null;
        if (source.Metadata is { Length: > 0 } text)
        {
            try { metadata = JsonDocument.Parse(text).RootElement.Clone(); }
            catch (JsonException) { return Reject("metadata is not JSON"); }
        }
        var profile = new ProfileRequest(DisplayName: source.DisplayName, Locale: source.Locale, Metadata: metadata);
        if (UserProfile.Validate(profile, defaults) is { } badProfile) return Reject(badProfile.Message);

        var email = source.Email.Trim();
        var created = source.CreatedAt is { } at && at <= now ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : now;
        var user = new User
        {
            Id = Ids.New(),
            Email = email,
            NormalizedEmail = UserNormalizer.NormalizeEmail(email),
            EmailVerified = source.EmailVerified,
            Username = source.Username,
            NormalizedUsername = source.Username is null ? null : UserNormalizer.NormalizeUsername(source.Username),
            FirstName = Blank(source.FirstName),
            LastName = Blank(source.LastName),
            AvatarUrl = Blank(source.AvatarUrl),
            PhoneNumber = phone,
            PhoneNumberVerified = phone is not null && source.PhoneNumberVerified,
            PasswordHash = source.PasswordHash,
            PasswordChangedAt = source.PasswordHash is null ? null : now,
            Role = source.Role ?? Roles.User,
            Disabled = source.Disabled,
            CreatedAt = created,
            UpdatedAt = now,
        };
        UserProfile.Apply(user, profile, defaults);
        return user;
    }

    private static Result<User> Reject(string reason) => AuthError.Validation(reason);

    private static bool InvalidName(string? name) => name is not null && (name.Length > RegistrationService.MaxNameLength || name.Any(char.IsControl));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
