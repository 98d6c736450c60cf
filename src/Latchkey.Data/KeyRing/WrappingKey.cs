using System.Security.Cryptography;

namespace Latchkey.Data.KeyRing;

/// <summary>
/// One AES-256 wrapping key and its identifier: the first 8 bytes of its SHA-256, which names the key an element was
/// encrypted with (so rotation can tell old from new) without saying anything useful about the key itself.
/// </summary>
public sealed class WrappingKey
{
    public const int Length = 32;

    /// <summary>Fewer distinct byte values than this in 32 bytes is not what a random generator gives (p &lt; 1e-9).</summary>
    private const int MinimumDistinctBytes = 16;

    private WrappingKey(byte[] material)
    {
        Material = material;
        Id = Convert.ToHexStringLower(SHA256.HashData(material).AsSpan(0, 8));
    }

    public string Id { get; }

    internal byte[] Material { get; }

    /// <summary>A key typed by a person ("aaaa...", a repeated word) rather than drawn from a random generator.</summary>
    public bool LooksWeak => Material.Distinct().Count() < MinimumDistinctBytes;

    /// <summary>Parses base64 text; the error names <paramref name="source"/> and never echoes the value.</summary>
    public static WrappingKey Parse(string text, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new WrappingKeyException($"{source} is not base64 (make one with: openssl rand -base64 32).");
        }
        if (bytes.Length != Length)
            throw new WrappingKeyException($"{source} must be {Length} bytes in base64 (it has {bytes.Length}; make one with: openssl rand -base64 32).");
        return new WrappingKey(bytes);
    }

    public static WrappingKey ReadFile(string path, string source)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WrappingKeyException($"{source} '{path}' cannot be read: {ex.Message}");
        }
        return Parse(text, $"{source} '{path}'");
    }
}

/// <summary>A wrapping key that is missing, malformed or unreadable: a configuration problem, reported in one line.</summary>
public sealed class WrappingKeyException(string message) : Exception(message);
