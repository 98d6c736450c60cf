using System.Text.Json;

namespace Latchkey.Core.Account;

/// <summary>
/// The data-portability document (GDPR Art. 20): every section of what Latchkey holds about the person, secrets
/// left out (password and token hashes, TOTP keys, passkey public keys are not the person's data to carry away;
/// their existence and metadata are). Property names are the document's format, versioned by <see cref="Format"/>.
/// </summary>
public sealed record AccountExport(
    string Format,
    DateTime ExportedAt,
    ExportedAccount Account,
    ProfileFields Profile,
    PreferenceFields Preferences,
    ExportedAvatar? Avatar,
    IReadOnlyList<ExportedEmail> Emails,
    IReadOnlyList<ExportedPhone> Phones,
    IReadOnlyList<ExportedSession> Sessions,
    IReadOnlyList<ExportedActivity> Activity,
    IReadOnlyList<ExportedSecondFactor> SecondFactors,
    ExportedRecoveryCodes RecoveryCodes,
    IReadOnlyList<ExportedPasskey> Passkeys,
    IReadOnlyList<ExportedConnectedService> ConnectedServices,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<ExportedApiKey> ApiKeys,
    [property: System.Text.Json.Serialization.JsonPropertyName("oauthClients")] IReadOnlyList<ExportedOAuthClient> OAuthClients,
    IReadOnlyList<ExportedVerification> PendingVerifications,
    IReadOnlyList<ExportedLicense> Licenses,
    ExportedDirectoryProfile? Directory,
    IReadOnlyList<string> Groups);

public sealed record ExportedAccount(
    Guid Id, string Role, bool HasPassword, bool TwoFactorEnabled, bool IsAnonymous, bool Disabled, string? DefaultRole,
    string? AllowedRoles, JsonElement? Metadata, DateTime CreatedAt, DateTime UpdatedAt, DateTime? LastSignInAt, DateTime? PasswordChangedAt);

public sealed record ExportedAvatar(string ContentType, int Size, string Base64, DateTime UpdatedAt);

public sealed record ExportedEmail(string Address, bool Verified, bool Primary);

public sealed record ExportedPhone(string Number, bool Verified);

public sealed record ExportedSession(
    Guid Id, string Kind, string AuthMethod, string? IpAddress, string? UserAgent, string DeviceType, string? Scope,
    DateTime CreatedAt, DateTime LastActivityAt, DateTime ExpiresAt, DateTime? RevokedAt, string? RevokedReason);

public sealed record ExportedActivity(string Type, bool Success, string? IpAddress, string? UserAgent, JsonElement? Details, DateTime CreatedAt);

public sealed record ExportedSecondFactor(string Method, bool IsDefault, DateTime CreatedAt, DateTime? ConfirmedAt);

public sealed record ExportedRecoveryCodes(int Total, int Unused);

public sealed record ExportedPasskey(string Name, string CredentialId, string? Transports, bool IsBackedUp, DateTime CreatedAt, DateTime? LastUsedAt);

public sealed record ExportedConnectedService(string Provider, string ProviderUserId, string? Email, DateTime CreatedAt, DateTime? LastSignInAt);

public sealed record ExportedApiKey(string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? ExpiresAt);

public sealed record ExportedOAuthClient(string ClientId, string Name, IReadOnlyList<string> RedirectUris, IReadOnlyList<string> Scopes, DateTime CreatedAt);

public sealed record ExportedVerification(string Purpose, DateTime CreatedAt, DateTime ExpiresAt);

/// <summary>A license held (Nube licensing): its terms and the key's visible prefix, never the key or its hash.</summary>
public sealed record ExportedLicense(Guid Id, Guid PlanId, string Status, int Seats, int SeatsUsed, string KeyPrefix,
    DateTime StartsAt, DateTime? TrialEndsAt, DateTime? EndsAt, DateTime CreatedAt);

/// <summary>
/// What an identity provider provisioned about the person through SCIM beyond the account's own fields (its title and
/// time zone are the profile's job title and time zone, exported there).
/// </summary>
public sealed record ExportedDirectoryProfile(
    string? ExternalId, string? MiddleName, string? HonorificPrefix, string? HonorificSuffix, string? NickName, string? ProfileUrl,
    string? UserType, string? PreferredLanguage, string? Locale, string? EmployeeNumber,
    string? CostCenter, string? Organization, string? Division, string? Department, string? ManagerId);
