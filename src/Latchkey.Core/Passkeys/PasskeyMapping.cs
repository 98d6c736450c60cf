using Latchkey.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Latchkey.Core.Passkeys;

/// <summary>Between our <see cref="Passkey"/> rows and Identity's <see cref="UserPasskeyInfo"/>.</summary>
internal static class PasskeyMapping
{
    public static UserPasskeyInfo ToInfo(Passkey p) => new(
        p.CredentialId, p.PublicKey, new DateTimeOffset(p.CreatedAt, TimeSpan.Zero), (uint)p.SignCount,
        p.Transports?.Split(',', StringSplitOptions.RemoveEmptyEntries), p.IsUserVerified, p.IsBackupEligible, p.IsBackedUp,
        p.AttestationObject ?? [], p.ClientDataJson ?? [])
    {
        Name = p.Name,
    };

    public static Passkey FromInfo(Guid userId, UserPasskeyInfo info, string name) => new()
    {
        Id = Ids.New(),
        UserId = userId,
        CredentialId = info.CredentialId,
        PublicKey = info.PublicKey,
        Name = name,
        SignCount = info.SignCount,
        Transports = info.Transports is { Length: > 0 } t ? string.Join(',', t) : null,
        IsUserVerified = info.IsUserVerified,
        IsBackupEligible = info.IsBackupEligible,
        IsBackedUp = info.IsBackedUp,
        AttestationObject = info.AttestationObject,
        ClientDataJson = info.ClientDataJson,
        CreatedAt = info.CreatedAt.UtcDateTime,
    };

    /// <summary>What an assertion changes: the counter and the backup state (WebAuthn L3 §7.2 step 24).</summary>
    public static void ApplyAssertion(Passkey passkey, UserPasskeyInfo info)
    {
        passkey.SignCount = info.SignCount;
        passkey.IsBackedUp = info.IsBackedUp;
    }
}
