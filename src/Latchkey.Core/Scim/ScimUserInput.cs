using System.Text.Json.Nodes;
using Latchkey.Core.Account;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;

namespace Latchkey.Core.Scim;

/// <summary>Everything a User document may set, read and checked from a POST, a PUT or a patched document.</summary>
public sealed record ScimUserInput
{
    public required string UserName { get; init; }
    public required string Email { get; init; }
    /// <summary>Set when userName is not an email address: it is then the account's username.</summary>
    public string? Username { get; init; }
    public string? EmailType { get; init; }
    public string? Phone { get; init; }
    public string? PhoneType { get; init; }
    public bool Active { get; init; } = true;
    public string? Password { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>The account profile's job title (what the profile API and OIDC show), not a SCIM-only copy.</summary>
    public string? Title { get; init; }
    /// <summary>The account profile's IANA time zone (the OIDC zoneinfo claim).</summary>
    public string? Timezone { get; init; }
    public required ScimUserProfile Profile { get; init; }

    public const int MaxNameLength = 100;

    /// <summary>Reads a User document. Read-only attributes (id, meta, groups) are ignored, as RFC 7643 §2.2 says.</summary>
    public static ScimUserInput Read(JsonObject doc)
    {
        var userName = ScimJson.String(doc, "userName")?.Trim();
        if (string.IsNullOrEmpty(userName)) throw Invalid("userName is required");
        var (email, emailType) = PrimaryEmail(doc, userName);
        var (phone, phoneType) = PrimaryPhone(doc);
        var name = ScimJson.ObjectOf(doc["name"], "name") ?? ScimJson.Object();
        var enterprise = ScimJson.ObjectOf(doc[ScimSchemas.EnterpriseUser], ScimSchemas.EnterpriseUser) ?? ScimJson.Object();
        var manager = enterprise["manager"] is JsonObject m ? ScimJson.String(m["value"], "manager.value") : ScimJson.String(enterprise, "manager");
        return new ScimUserInput
        {
            UserName = userName,
            Email = email,
            Username = userName.Contains('@') ? null : userName,
            EmailType = emailType,
            Phone = phone,
            PhoneType = phoneType,
            Active = ScimJson.Boolean(doc["active"], "active") ?? true,
            Password = ScimJson.String(doc, "password"),
            GivenName = Bounded(ScimJson.String(name, "givenName"), "name.givenName", MaxNameLength),
            FamilyName = Bounded(ScimJson.String(name, "familyName"), "name.familyName", MaxNameLength),
            DisplayName = Bounded(ScimJson.String(doc, "displayName"), "displayName", UserProfile.MaxDisplayNameLength),
            Title = Bounded(ScimJson.String(doc, "title"), "title", ProfileValidator.MaxShortText),
            Timezone = Zone(Text(doc, "timezone")),
            Profile = new ScimUserProfile
            {
                ExternalId = Text(doc, "externalId"),
                MiddleName = Text(name, "middleName"),
                HonorificPrefix = Text(name, "honorificPrefix"),
                HonorificSuffix = Text(name, "honorificSuffix"),
                NickName = Text(doc, "nickName"),
                ProfileUrl = Text(doc, "profileUrl"),
                UserType = Text(doc, "userType"),
                PreferredLanguage = Text(doc, "preferredLanguage"),
                Locale = Text(doc, "locale"),
                EmailType = emailType,
                PhoneType = phoneType,
                EmployeeNumber = Text(enterprise, "employeeNumber"),
                CostCenter = Text(enterprise, "costCenter"),
                Organization = Text(enterprise, "organization"),
                Division = Text(enterprise, "division"),
                Department = Text(enterprise, "department"),
                ManagerId = Bounded(manager, "manager", ScimUserProfile.MaxLength),
            },
        };
    }

    /// <summary>
    /// An account holds one email address: the primary entry (or the only one). An email-shaped userName is that
    /// address; any other userName is the account's username, and the address comes from <c>emails</c>.
    /// </summary>
    private static (string Email, string? Type) PrimaryEmail(JsonObject doc, string userName)
    {
        var entries = (ScimJson.ArrayOf(doc["emails"], "emails") ?? []).Select(e => ScimJson.ObjectOf(e, "emails") ?? ScimJson.Object()).ToList();
        var chosen = entries.Count == 1 ? entries[0] : entries.FirstOrDefault(e => ScimJson.Boolean(e["primary"], "emails.primary") == true);
        if (chosen is null && entries.Count > 1) throw Invalid("Mark one of the emails primary: an account holds one email address");
        var others = entries.Where(e => e != chosen).Select(e => ScimJson.String(e["value"], "emails.value")).Where(v => v is not null)
            .Where(v => !v!.Equals(ScimJson.String(chosen!["value"], "emails.value"), StringComparison.OrdinalIgnoreCase));
        if (others.Any()) throw Invalid("An account holds one email address: send only the primary email");
        var email = chosen is null ? null : ScimJson.String(chosen["value"], "emails.value")?.Trim();
        var type = chosen is null ? null : Text(chosen, "type");
        if (userName.Contains('@'))
        {
            if (email is not null && !email.Equals(userName, StringComparison.OrdinalIgnoreCase))
                throw Invalid("userName is the account's email address: the primary email must be the same address (map userName to the mail attribute)");
            email = userName;
        }
        else if (!UsernamePattern.IsMatch(userName))
        {
            throw Invalid("userName must be an email address, or a username of 3-64 letters, digits, '.', '-' or '_'");
        }
        if (email is null || !UserNormalizer.IsValidEmail(email)) throw Invalid("A valid email address is required (userName or the primary email)");
        return (email, type);
    }

    private static (string? Phone, string? Type) PrimaryPhone(JsonObject doc)
    {
        var entries = (ScimJson.ArrayOf(doc["phoneNumbers"], "phoneNumbers") ?? []).Select(e => ScimJson.ObjectOf(e, "phoneNumbers") ?? ScimJson.Object()).ToList();
        if (entries.Count == 0) return (null, null);
        var chosen = entries.Count == 1 ? entries[0] : entries.FirstOrDefault(e => ScimJson.Boolean(e["primary"], "phoneNumbers.primary") == true)
            ?? throw Invalid("An account holds one phone number: mark one primary or send one");
        var raw = ScimJson.String(chosen["value"], "phoneNumbers.value");
        if (raw is null) return (null, null);
        var e164 = PhoneNumbers.Normalize(raw.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? raw[4..] : raw)
            ?? throw Invalid("phoneNumbers.value must be an E.164 number (+ and country code)");
        return (e164, Text(chosen, "type"));
    }

    private static readonly System.Text.RegularExpressions.Regex UsernamePattern = new("^[A-Za-z0-9_.-]{3,64}$");

    // The account profile's rule, so a zone SCIM stores is one the profile API would accept.
    private static string? Zone(string? zone) =>
        ProfileValidator.TimeZone("timezone", zone) is null ? zone : throw Invalid("timezone must be an IANA time zone such as Europe/Paris");

    private static string? Text(JsonObject source, string name) => Bounded(ScimJson.String(source, name), name, ScimUserProfile.MaxLength);

    private static string? Bounded(string? value, string name, int max)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return trimmed.Length <= max ? trimmed : throw Invalid($"{name} must be at most {max} characters");
    }

    private static ScimInputException Invalid(string message) => new(ScimErrors.InvalidValue(message));
}
