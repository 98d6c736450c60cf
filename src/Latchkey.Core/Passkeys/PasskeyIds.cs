using System.Buffers.Text;

namespace Latchkey.Core.Passkeys;

/// <summary>Credential ids travel as base64url, as WebAuthn's JSON forms carry them.</summary>
public static class PasskeyIds
{
    /// <summary>WebAuthn caps credential ids at 1023 bytes.</summary>
    public const int MaxBytes = 1023;

    public static string Encode(byte[] credentialId) => Base64Url.EncodeToString(credentialId);

    public static bool TryDecode(string? value, out byte[] credentialId)
    {
        credentialId = [];
        if (string.IsNullOrWhiteSpace(value) || value.Length > 1400 || !Base64Url.IsValid(value)) return false;
        credentialId = Base64Url.DecodeFromChars(value);
        return credentialId.Length is > 0 and <= MaxBytes;
    }
}
