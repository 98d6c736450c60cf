using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Verifies PBKDF2 hashes kept in the PHC string form <c>$pbkdf2-sha256$i=27500$base64(salt)$base64(key)</c>
/// (also <c>-sha512</c> and <c>-sha1</c>). Keycloak's credentials are stored this way on import: Keycloak derives
/// the key from the password's UTF-8 bytes and the raw salt, as here.
/// </summary>
internal static class Pbkdf2PhcHash
{
    private const string Prefix = "$pbkdf2-";
    private const int MinKeyLength = 16;
    private const int MaxKeyLength = 128;

    public static bool IsPbkdf2(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The stored form for a key derived by <paramref name="algorithm"/> (sha1, sha256 or sha512).</summary>
    public static string Format(string algorithm, int iterations, byte[] salt, byte[] key) =>
        string.Create(CultureInfo.InvariantCulture, $"$pbkdf2-{algorithm}$i={iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}");

    public static bool IsWellFormed(string stored) => TryParse(stored, out _, out _, out _, out _);

    public static bool Verify(string stored, string password)
    {
        if (!TryParse(stored, out var algorithm, out var iterations, out var salt, out var expected)) return false;
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, algorithm, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryParse(string stored, out HashAlgorithmName algorithm, out int iterations, out byte[] salt, out byte[] key)
    {
        (algorithm, iterations, salt, key) = (default, 0, [], []);
        var parts = stored.Split('$');
        if (parts.Length != 5 || parts[0].Length != 0) return false;
        HashAlgorithmName? named = parts[1] switch
        {
            "pbkdf2-sha1" => HashAlgorithmName.SHA1,
            "pbkdf2-sha256" => HashAlgorithmName.SHA256,
            "pbkdf2-sha512" => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (named is not { } a || !parts[2].StartsWith("i=", StringComparison.Ordinal)
            || !int.TryParse(parts[2].AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations < 1 || iterations > ImportedHashLimits.MaxPbkdf2Iterations) return false;
        algorithm = a;
        try
        {
            salt = Convert.FromBase64String(parts[3]);
            key = Convert.FromBase64String(parts[4]);
        }
        catch (FormatException)
        {
            return false;
        }
        // A short derived key would make a chance match far too easy.
        return salt.Length > 0 && key.Length is >= MinKeyLength and <= MaxKeyLength;
    }
}
