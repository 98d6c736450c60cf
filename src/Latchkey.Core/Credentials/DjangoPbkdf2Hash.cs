using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Verifies imported Django hashes <c>pbkdf2_sha256$iterations$salt$base64(hash)</c> (Django's default hasher)
/// and the older <c>pbkdf2_sha1$…</c>. Django uses the salt's text as PBKDF2 salt bytes, not a decoding of it.
/// </summary>
internal static class DjangoPbkdf2Hash
{
    private const string Prefix = "pbkdf2_";

    public static bool IsDjangoPbkdf2(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool Verify(string stored, string password)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4)
        {
            return false;
        }

        (HashAlgorithmName Algorithm, int Length)? kind = parts[0] switch
        {
            "pbkdf2_sha256" => (HashAlgorithmName.SHA256, 32),
            "pbkdf2_sha1" => (HashAlgorithmName.SHA1, 20),
            _ => null,
        };

        if (kind is not { } k
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations < 1 || iterations > ImportedHashLimits.MaxPbkdf2Iterations
            || parts[2].Length == 0)
        {
            return false;
        }

        // Django stores the full digest; a shorter value would make a match far too easy to hit by chance.
        Span<byte> expected = stackalloc byte[64];
        if (!Convert.TryFromBase64String(parts[3], expected, out var written) || written != k.Length)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[k.Length];
        Rfc2898DeriveBytes.Pbkdf2(password, Encoding.UTF8.GetBytes(parts[2]), actual, iterations, k.Algorithm);
        return CryptographicOperations.FixedTimeEquals(actual, expected[..written]);
    }
}
