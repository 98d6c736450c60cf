using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Latchkey.Core.Mfa;

/// <summary>
/// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP). Authenticator apps only speak the
/// defaults — SHA-1, 30-second steps, 6 digits — so those are what enrollment uses; the algorithm and
/// digit count are parameters so the RFC's own test vectors can be checked.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>Steps either side of "now" still accepted: clocks drift and people type slowly.</summary>
    public const int AllowedDrift = 1;

    public static long TimeStep(DateTimeOffset time) => Math.DivRem(time.ToUnixTimeSeconds(), StepSeconds, out _);

    public static string Compute(ReadOnlySpan<byte> key, long step, int digits = Digits, string algorithm = "SHA1")
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> mac = stackalloc byte[64];
        var written = algorithm switch
        {
            "SHA1" => HMACSHA1.HashData(key, counter, mac),
            "SHA256" => HMACSHA256.HashData(key, counter, mac),
            "SHA512" => HMACSHA512.HashData(key, counter, mac),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unsupported TOTP algorithm."),
        };
        // RFC 4226 §5.3 dynamic truncation.
        var offset = mac[written - 1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(mac[offset..]) & 0x7fffffff;
        var modulo = (int)Math.Pow(10, digits);
        return (binary % modulo).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>
    /// The time step <paramref name="code"/> belongs to, within ±<see cref="AllowedDrift"/> of
    /// <paramref name="now"/> and strictly after <paramref name="lastUsedStep"/> (a code, or an older
    /// one, cannot be replayed); null when it matches none. Every candidate is compared in constant time.
    /// </summary>
    public static long? Match(ReadOnlySpan<byte> key, string? code, DateTimeOffset now, long? lastUsedStep)
    {
        if (code is null || code.Length != Digits || !code.All(char.IsAsciiDigit)) return null;
        var current = TimeStep(now);
        long? matched = null;
        for (var step = current - AllowedDrift; step <= current + AllowedDrift; step++)
        {
            var expected = Compute(key, step);
            var equal = CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(code));
            if (equal && step > (lastUsedStep ?? long.MinValue)) matched ??= step;
        }
        return matched;
    }
}
