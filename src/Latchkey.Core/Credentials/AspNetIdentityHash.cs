using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Verifies imported ASP.NET (Core) Identity hashes: base64 of a format marker followed by PBKDF2 output.
/// V3 (marker 0x01): PRF, iteration count and salt length as big-endian uint32, then salt, then subkey.
/// V2 (marker 0x00): PBKDF2-HMAC-SHA1, 1000 iterations, 16-byte salt, 32-byte subkey (ASP.NET Identity 2).
/// </summary>
internal static class AspNetIdentityHash
{
    private const int HeaderLength = 13;
    private const int MinSaltOrSubkeyLength = 16;

    // Identity itself writes a few dozen bytes; a much longer string is not one of its hashes.
    private const int MaxEncodedLength = 1024;

    private const int V2SaltLength = 16;
    private const int V2SubkeyLength = 32;
    private const int V2Iterations = 1000;

    /// <summary>Base64 that opens with the V2 or V3 format marker; the rest is checked when verifying.</summary>
    public static bool IsWellFormed(string stored)
    {
        if (stored.Length is 0 or > MaxEncodedLength) return false;
        var decoded = new byte[stored.Length];
        return Convert.TryFromBase64String(stored, decoded, out var length) && length > HeaderLength && decoded[0] is 0x00 or 0x01;
    }

    public static bool Verify(string stored, string password)
    {
        if (stored.Length > MaxEncodedLength)
        {
            return false;
        }

        var decoded = new byte[stored.Length];
        if (!Convert.TryFromBase64String(stored, decoded, out var length) || length == 0)
        {
            return false;
        }

        var bytes = decoded.AsSpan(0, length);
        return bytes[0] switch
        {
            0x00 => VerifyV2(bytes, password),
            0x01 => VerifyV3(bytes, password),
            _ => false,
        };
    }

    private static bool VerifyV2(ReadOnlySpan<byte> bytes, string password)
    {
        if (bytes.Length != 1 + V2SaltLength + V2SubkeyLength)
        {
            return false;
        }

        var salt = bytes.Slice(1, V2SaltLength);
        var expected = bytes.Slice(1 + V2SaltLength, V2SubkeyLength);
        return Matches(password, salt, V2Iterations, HashAlgorithmName.SHA1, expected);
    }

    private static bool VerifyV3(ReadOnlySpan<byte> bytes, string password)
    {
        if (bytes.Length < HeaderLength + (2 * MinSaltOrSubkeyLength))
        {
            return false;
        }

        var prf = BinaryPrimitives.ReadUInt32BigEndian(bytes[1..]);
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(bytes[5..]);
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(bytes[9..]);

        HashAlgorithmName? algorithm = prf switch
        {
            0 => HashAlgorithmName.SHA1,
            1 => HashAlgorithmName.SHA256,
            2 => HashAlgorithmName.SHA512,
            _ => null,
        };

        if (algorithm is null || iterations < 1 || iterations > ImportedHashLimits.MaxPbkdf2Iterations
            || saltLength < MinSaltOrSubkeyLength
            || saltLength > (uint)(bytes.Length - HeaderLength - MinSaltOrSubkeyLength))
        {
            return false;
        }

        var salt = bytes.Slice(HeaderLength, (int)saltLength);
        var expected = bytes[(HeaderLength + (int)saltLength)..];
        return Matches(password, salt, (int)iterations, algorithm.Value, expected);
    }

    private static bool Matches(
        string password, ReadOnlySpan<byte> salt, int iterations, HashAlgorithmName algorithm, ReadOnlySpan<byte> expected)
    {
        Span<byte> actual = stackalloc byte[expected.Length];
        Rfc2898DeriveBytes.Pbkdf2(password, salt, actual, iterations, algorithm);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
