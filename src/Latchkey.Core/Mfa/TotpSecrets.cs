using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Latchkey.Core.Mfa;

/// <summary>
/// TOTP keys are needed in clear to compute codes, so they cannot be hashed: they are encrypted with
/// Data Protection (key ring shared by every node through the database) before they are stored.
/// </summary>
public sealed class TotpSecrets(IDataProtectionProvider protection)
{
    /// <summary>160 bits: the HMAC-SHA1 block-friendly size RFC 4226 recommends.</summary>
    public const int KeyBytes = 20;

    private readonly IDataProtector _protector = protection.CreateProtector("Latchkey.TwoFactor.TotpKey.v1");

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);

    public string Protect(byte[] key) => Convert.ToBase64String(_protector.Protect(key));

    public byte[] Unprotect(string protectedKey) => _protector.Unprotect(Convert.FromBase64String(protectedKey));
}
