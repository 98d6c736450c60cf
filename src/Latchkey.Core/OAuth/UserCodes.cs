using System.Security.Cryptography;

namespace Latchkey.Core.OAuth;

/// <summary>
/// RFC 8628 §6.1 user codes: 8 consonants (20^8 ≈ 2^34.6), no vowels so no words, no look-alike digits,
/// shown as XXXX-XXXX; input is case-insensitive and ignores dashes and spaces.
/// </summary>
public static class UserCodes
{
    private const string Alphabet = "BCDFGHJKLMNPQRSTVWXZ";

    public static string New()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, 8);
        return code[..4] + "-" + code[4..];
    }

    public static string? Normalize(string? input)
    {
        if (input is null || input.Length > 32) return null;
        var letters = new string(input.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return letters.Length == 8 && letters.All(Alphabet.Contains) ? letters : null;
    }
}
