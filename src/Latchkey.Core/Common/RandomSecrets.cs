using System.Security.Cryptography;

namespace Latchkey.Core.Common;

/// <summary>Random secrets from the OS CSPRNG, encoded for URLs and headers.</summary>
public static class RandomSecrets
{
    /// <summary>A base64url string carrying <paramref name="bytes"/> random bytes (32 bytes = 256 bits).</summary>
    public static string Base64Url(int bytes = 32)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return System.Buffers.Text.Base64Url.EncodeToString(buffer);
    }

    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Alphanumeric string without bias (62 symbols, ~5.95 bits each).</summary>
    public static string Alphanumeric(int length) => RandomNumberGenerator.GetString(Alphanumerics, length);
}
