using System.Security.Cryptography;
using Latchkey.Core.Common;

namespace Latchkey.Core.Mfa;

/// <summary>
/// Recovery codes: 10 codes of 10 characters from a 31-symbol alphabet (about 49 bits each), shown once and
/// stored as SHA-256. That is far beyond what the per-challenge attempt limit and the 2FA rate limit
/// let anyone try, so a fast hash is enough and keeps lookups to one indexed read.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;
    // No 0/O, 1/I/L: codes are read off paper and typed by hand.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static IReadOnlyList<string> Generate()
    {
        var codes = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            var raw = RandomNumberGenerator.GetString(Alphabet, 10);
            codes[i] = $"{raw[..5]}-{raw[5..]}";
        }
        return codes;
    }

    /// <summary>Case, spaces and the dash do not matter when typed back.</summary>
    public static byte[] Hash(string code)
    {
        var normalized = new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return SecretHash.Sha256(normalized);
    }

    public static bool LooksLikeCode(string? code) =>
        code is { Length: >= 10 and <= 16 } && code.Count(char.IsAsciiLetterOrDigit) == 10;
}
