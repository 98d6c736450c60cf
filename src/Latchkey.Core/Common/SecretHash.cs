using System.Security.Cryptography;
using System.Text;

namespace Latchkey.Core.Common;

/// <summary>
/// High-entropy secrets (refresh tokens, API keys, tickets) are stored as SHA-256 digests only:
/// with 256 bits of input entropy a fast hash is enough, and it keeps lookups to one indexed read.
/// </summary>
public static class SecretHash
{
    public static byte[] Sha256(string secret)
    {
        var max = Encoding.UTF8.GetMaxByteCount(secret.Length);
        Span<byte> buffer = max <= 512 ? stackalloc byte[max] : new byte[max];
        var written = Encoding.UTF8.GetBytes(secret, buffer);
        return SHA256.HashData(buffer[..written]);
    }

    public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        CryptographicOperations.FixedTimeEquals(left, right);
}
