using System.Text.Json;
using System.Text.Json.Serialization;

namespace Latchkey.Api.Nhost.Contracts;

/// <summary>The spec's User schema.</summary>
public sealed record NhostUser(
    string AvatarUrl,
    DateTime CreatedAt,
    string DefaultRole,
    string DisplayName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
    bool EmailVerified,
    string Id,
    bool IsAnonymous,
    string Locale,
    JsonElement Metadata,
    bool PhoneNumberVerified,
    IReadOnlyList<string> Roles,
    string? ActiveMfaType);

/// <summary>
/// The spec's Session schema. <c>refreshToken</c> is our 256-bit token, not the spec's UUID;
/// <c>refreshTokenId</c> names the session (the refresh-token family), which outlives each rotation.
/// </summary>
public sealed record NhostSession(
    string AccessToken,
    long AccessTokenExpiresIn,
    string RefreshToken,
    string RefreshTokenId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NhostUser? User);

/// <summary>SessionPayload and SignInEmailPasswordResponse: a session, or an MFA challenge.</summary>
public sealed record SessionPayload(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NhostSession? Session,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MfaChallengePayload? Mfa = null);

public sealed record MfaChallengePayload(string Ticket);

public sealed record TotpGenerateResponse(string ImageUrl, string TotpSecret);

public sealed record CreatePatResponse(string Id, string PersonalAccessToken);

public sealed record VersionResponse(string Version);

/// <summary>The spec's ErrorResponse.</summary>
public sealed record NhostErrorResponse(int Status, string Message, string Error);
