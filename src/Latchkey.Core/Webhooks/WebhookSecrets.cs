using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Latchkey.Core.Webhooks;

/// <summary>
/// Signing secrets in the Standard Webhooks form <c>whsec_&lt;base64 key&gt;</c>. They are encrypted at rest with
/// Data Protection (the key ring lives in the database, so every node reads them); HMAC needs the key back,
/// so unlike client secrets they cannot be stored as a hash.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    public const string Prefix = "whsec_";
    private readonly IDataProtector _protector = provider.CreateProtector("Latchkey.Webhooks.Secret.v1");

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A usable secret is <c>whsec_</c> and base64 of 24 to 64 bytes.</summary>
    public static bool IsValid(string secret) => TryKey(secret) is not null;

    public static byte[]? TryKey(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var buffer = new byte[64];
        return Convert.TryFromBase64String(secret[Prefix.Length..], buffer, out var written) && written >= 24
            ? buffer[..written]
            : null;
    }

    public string Protect(string secret) => _protector.Protect(secret);

    public byte[] UnprotectKey(string protectedSecret) => TryKey(_protector.Unprotect(protectedSecret))!;
}
