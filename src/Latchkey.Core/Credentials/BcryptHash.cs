using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Verifies imported bcrypt hashes (<c>$2a$</c>, <c>$2b$</c>, <c>$2y$</c>). The three prefixes name fixes for bugs
/// in particular historic implementations; for the hashes those systems produce, the computation is the same.
/// </summary>
internal static class BcryptHash
{
    // The OpenBSD base64 alphabet; it orders bits like standard base64, only the symbols differ.
    private const string BcryptAlphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string StandardAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    // "$2b$" + 2-digit cost + "$" + 22 salt characters + 31 hash characters.
    private const int EncodedLength = 60;
    private const int SaltStart = 7;
    private const int SaltChars = 22;
    private const int HashStart = SaltStart + SaltChars;

    public static bool IsBcrypt(string stored) =>
        stored.Length >= 4 && stored[0] == '$' && stored[1] == '2' && stored[2] is 'a' or 'b' or 'y' && stored[3] == '$';

    public static bool IsWellFormed(string stored) => TryParse(stored, out _, out _, out _);

    public static bool Verify(string stored, string password)
    {
        if (!TryParse(stored, out var version, out var cost, out var salt))
        {
            return false;
        }

        var chars = password.ToCharArray();
        string computed;
        try
        {
            // We compute and compare ourselves (rather than OpenBsdBCrypt.CheckPassword) so that the comparison is
            // guaranteed constant-time and only strings we have already validated reach the library.
            computed = OpenBsdBCrypt.Generate(version, chars, salt, cost);
        }
        catch (Exception)
        {
            // BouncyCastle reports bad input with several unrelated exception types; any of them is "no match".
            return false;
        }
        finally
        {
            Array.Clear(chars);
        }

        if (computed.Length != EncodedLength)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(computed, HashStart, EncodedLength - HashStart),
            Encoding.ASCII.GetBytes(stored, HashStart, EncodedLength - HashStart));
    }

    private static bool TryParse(string stored, out string version, out int cost, out byte[] salt)
    {
        version = string.Empty;
        cost = 0;
        salt = [];
        if (stored.Length != EncodedLength || stored[6] != '$'
            || !char.IsAsciiDigit(stored[4]) || !char.IsAsciiDigit(stored[5]))
        {
            return false;
        }

        cost = ((stored[4] - '0') * 10) + (stored[5] - '0');
        if (cost is < 4 or > 31)
        {
            return false;
        }

        for (var i = SaltStart; i < EncodedLength; i++)
        {
            if (!BcryptAlphabet.Contains(stored[i]))
            {
                return false;
            }
        }

        version = stored.Substring(1, 2);
        salt = DecodeSalt(stored.AsSpan(SaltStart, SaltChars));
        return true;
    }

    // 22 characters carry 132 bits for a 128-bit salt. Like the reference implementation we ignore the low
    // 4 bits of the last character, which the translated base64 would otherwise reject as non-canonical.
    private static byte[] DecodeSalt(ReadOnlySpan<char> encoded)
    {
        Span<char> standard = stackalloc char[SaltChars + 2];
        for (var i = 0; i < SaltChars; i++)
        {
            var index = BcryptAlphabet.IndexOf(encoded[i]);
            if (i == SaltChars - 1)
            {
                index &= 0x30;
            }

            standard[i] = StandardAlphabet[index];
        }

        standard[SaltChars] = '=';
        standard[SaltChars + 1] = '=';
        return Convert.FromBase64CharArray(standard.ToArray(), 0, standard.Length);
    }
}
