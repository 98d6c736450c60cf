using Latchkey.Core.Account;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Scim;

/// <summary>
/// Writes a checked <see cref="ScimUserInput"/> onto an account, its account profile and its SCIM profile: uniqueness
/// of email, username, phone and externalId against other accounts (409 uniqueness), the password policy for a sent
/// password, and the rules the account's own columns keep (a changed email or phone is unverified again). Title and
/// time zone are the account profile's, so the profile API, OIDC claims and SCIM show one value (decision 78).
/// </summary>
public sealed class ScimUserWriter(IScimUserStore store, IUserStore users, PasswordPolicy policy, IPasswordHasher hasher, IOptions<UserDefaultsOptions> defaults)
{
    /// <summary>
    /// The record with both profiles written. A profile the record lacked is new here and not yet added to its store
    /// (the account profile stays absent while SCIM has nothing for it).
    /// </summary>
    public async Task<Result<ScimUserRecord>> ApplyAsync(ScimUserRecord record, ScimUserInput input, DateTime now, CancellationToken ct)
    {
        var user = record.User;
        if (input.DisplayName is { } shown && UserProfile.Validate(new ProfileRequest(DisplayName: shown), defaults.Value) is { } badName)
            return ScimErrors.InvalidValue(badName.Message);
        if (await ConflictAsync(user, input, ct) is { } conflict) return conflict;
        string? hash = null;
        if (input.Password is { } password)
        {
            var check = await policy.CheckAsync(password, [input.Email, input.GivenName ?? "", input.FamilyName ?? ""], ct);
            if (!check.IsSuccess) return ScimErrors.InvalidValue(check.Error.Message);
            hash = await hasher.HashAsync(password, ct);
        }

        var normalizedEmail = UserNormalizer.NormalizeEmail(input.Email);
        if (user.NormalizedEmail != normalizedEmail) user.EmailVerified = false;
        user.Email = input.Email;
        user.NormalizedEmail = normalizedEmail;
        user.Username = input.Username;
        user.NormalizedUsername = input.Username is null ? null : UserNormalizer.NormalizeUsername(input.Username);
        if (user.PhoneNumber != input.Phone) user.PhoneNumberVerified = false;
        user.PhoneNumber = input.Phone;
        user.FirstName = input.GivenName;
        user.LastName = input.FamilyName;
        user.ChosenDisplayName = input.DisplayName;
        if (AccountLocale(input.Profile.Locale) is { } language) user.Locale = language;
        user.Disabled = !input.Active;
        if (hash is not null)
        {
            user.PasswordHash = hash;
            user.PasswordChangedAt = now;
        }
        user.UpdatedAt = now;
        return record with
        {
            Profile = Copy(input.Profile, record.Profile ?? new ScimUserProfile { UserId = user.Id }),
            Account = WriteAccount(record.Account, user.Id, input, now),
        };
    }

    /// <summary>The language subtag of a BCP 47 tag when the server offers that language (users.locale holds two letters).</summary>
    private string? AccountLocale(string? tag)
    {
        if (tag is null) return null;
        var language = ScimLocale.Language(tag);
        return defaults.Value.AllowedLocales.Contains(language, StringComparer.Ordinal) ? language : null;
    }

    private static AccountProfile? WriteAccount(AccountProfile? current, Guid userId, ScimUserInput input, DateTime now)
    {
        if (current is null && input.Title is null && input.Timezone is null) return null;
        var profile = current ?? AccountProfile.Empty(userId);
        if (current is not null && profile.JobTitle == input.Title && profile.TimeZone == input.Timezone) return profile;
        profile.JobTitle = input.Title;
        profile.TimeZone = input.Timezone;
        profile.UpdatedAt = now;
        return profile;
    }

    private async Task<AuthError?> ConflictAsync(User user, ScimUserInput input, CancellationToken ct)
    {
        if (await users.FindByNormalizedEmailAsync(UserNormalizer.NormalizeEmail(input.Email), ct) is { } byEmail && byEmail.Id != user.Id)
            return ScimErrors.Uniqueness("Another account has this email address");
        if (input.Username is { } username && await users.FindByLoginAsync(UserNormalizer.NormalizeUsername(username), ct) is { } byName && byName.Id != user.Id)
            return ScimErrors.Uniqueness("Another account has this userName");
        if (input.Phone is { } phone && await users.FindByPhoneNumberAsync(phone, ct) is { } byPhone && byPhone.Id != user.Id)
            return ScimErrors.Uniqueness("Another account has this phone number");
        if (input.Profile.ExternalId is { } externalId && await store.ExternalIdTakenAsync(externalId, user.Id, ct))
            return ScimErrors.Uniqueness("Another account has this externalId");
        return null;
    }

    private static ScimUserProfile Copy(ScimUserProfile from, ScimUserProfile to)
    {
        to.ExternalId = from.ExternalId;
        to.MiddleName = from.MiddleName;
        to.HonorificPrefix = from.HonorificPrefix;
        to.HonorificSuffix = from.HonorificSuffix;
        to.NickName = from.NickName;
        to.ProfileUrl = from.ProfileUrl;
        to.UserType = from.UserType;
        to.PreferredLanguage = from.PreferredLanguage;
        to.Locale = from.Locale;
        to.EmailType = from.EmailType;
        to.PhoneType = from.PhoneType;
        to.EmployeeNumber = from.EmployeeNumber;
        to.CostCenter = from.CostCenter;
        to.Organization = from.Organization;
        to.Division = from.Division;
        to.Department = from.Department;
        to.ManagerId = from.ManagerId;
        return to;
    }
}
