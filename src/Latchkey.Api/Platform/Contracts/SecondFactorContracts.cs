using System.Text.Json;
using System.Text.Json.Nodes;
using Latchkey.Core.Mfa;
using Latchkey.Core.Passkeys;

namespace Latchkey.Api.Platform.Contracts;

public sealed record TwoFactorSetupRequest(string? Method);

/// <summary>Setup confirmation (signed in, no challenge token) or login verification (with the login's challenge token).</summary>
public sealed record TwoFactorVerifyRequest(Guid? UserId, string? Code, string? Method, string? ChallengeToken, bool SignOutOtherSessions = false);

public sealed record TwoFactorDisableRequest(string? Method, string? Password, string? CurrentPassword, bool SignOutOtherSessions = false);

public sealed record TwoFactorDefaultRequest(string? Method);

public sealed record SendCodeRequest(string? ChallengeToken, string? Method);

public sealed record CodeSentResponse(bool Success, string Method, string Message);

public sealed record RecoveryCodesRequest(bool SignOutOtherSessions = false);

public sealed record ElevateRequest(string? Password, string? Code, string? Method, PasskeyCredentialRequest? Passkey);

public sealed record PasskeyCredentialRequest(string? ChallengeToken, JsonElement? Credential, string? Name = null, bool SignOutOtherSessions = false)
{
    public PasskeyResponse ToResponse() =>
        new(ChallengeToken, Credential is { ValueKind: JsonValueKind.Object } c ? c.GetRawText() : null);
}

public sealed record DeletePasskeyRequest(string? CredentialId, bool SignOutOtherSessions = false);

public sealed record TotpSetupResponse(bool Success, string Method, string Secret, string OtpauthUri, string QrCode, string QrCodeSvg, string Message)
{
    public static TotpSetupResponse From(TotpEnrollment e) => new(true, TwoFactorMethods.Totp, e.Secret, e.OtpAuthUri, e.QrCodePng, e.QrCodeSvg,
        "Scan the QR code, then confirm with a code at /api/auth/2fa/verify");
}

public sealed record TwoFactorChangedResponse(bool Success, string Message, IReadOnlyList<string>? RecoveryCodes, int OtherSessionsRevoked);

public sealed record DefaultMethodResponse(bool Success, string DefaultMethod);

public sealed record RecoveryCodesResponse(bool Success, IReadOnlyList<string> RecoveryCodes, string Message);

public sealed record ElevatedResponse(bool Success, DateTime ElevatedUntil);

public sealed record PasskeyOptionsResponse(bool Success, JsonNode Options, string ChallengeToken, DateTime ExpiresAt)
{
    public static PasskeyOptionsResponse From(PasskeyCeremony c) => new(true, c.Options, c.ChallengeToken, c.ExpiresAt);
}

public sealed record PasskeyView(string CredentialId, string DeviceName, DateTime CreatedAt, DateTime? LastUsedAt, bool BackedUp, IReadOnlyList<string> Transports)
{
    public static PasskeyView From(Passkey p) => new(PasskeyIds.Encode(p.CredentialId), p.Name, p.CreatedAt, p.LastUsedAt, p.IsBackedUp,
        p.Transports?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? []);
}

public sealed record PasskeyAddedResponse(bool Success, PasskeyView Passkey, int OtherSessionsRevoked);

public sealed record PasskeysResponse(bool Success, IReadOnlyList<PasskeyView> Passkeys);

public sealed record FactorRemovedResponse(bool Success, string Message, int OtherSessionsRevoked);

public sealed record SecurityResponse(bool Success, SecurityOverview Security);

public sealed record SecurityOverview(
    bool TwoFactorEnabled,
    IReadOnlyList<string> TwoFactorMethods,
    string? DefaultTwoFactorMethod,
    int RecoveryCodesRemaining,
    int PasskeyCount,
    bool EmailVerified,
    bool HasPassword,
    DateTime? PasswordChangedAt);
