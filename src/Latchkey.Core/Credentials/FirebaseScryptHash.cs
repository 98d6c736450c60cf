using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Firebase Authentication's modified scrypt, as published in github.com/firebase/scrypt (and its issue #2):
/// <list type="number">
/// <item>derived = scrypt(password, salt ‖ salt separator, N = 2^mem_cost, r = rounds, p = 1, 64 bytes);</item>
/// <item>hash = AES-256-CTR(key = derived[0..32], IV = 16 zero bytes) of the project's signer key.</item>
/// </list>
/// The project's hash parameters travel inside the stored string, so each account verifies on its own until its next
/// sign-in rehashes it to Argon2id: <c>$firebase-scrypt$m=14,r=8$salt$separator$signerKey$hash</c> (standard base64).
/// </summary>
public static class FirebaseScryptHash
{
    private const string Prefix = "$firebase-scrypt$";
    private const int DerivedLength = 64;

    // Firebase projects use mem_cost 14 and rounds 8 (16 MiB); the bounds refuse a corrupt value that would make one
    // sign-in allocate gigabytes (scrypt needs 128 · r · 2^m bytes): at most 256 MiB.
    private const int MaxMemCost = 18;
    private const int MaxRounds = 16;
    private const long MaxMemoryBytes = 256L * 1024 * 1024;

    public static bool IsFirebaseScrypt(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The stored form of one exported account's hash and salt under the project's parameters; null when any part is not valid.</summary>
    public static string? Format(string hash, string salt, FirebaseHashConfig config)
    {
        var stored = string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}m={config.MemCost},r={config.Rounds}${Normal(salt)}${Normal(config.SaltSeparator)}${Normal(config.SignerKey)}${Normal(hash)}");
        return Parse(stored) is null ? null : stored;
    }

    public static bool IsWellFormed(string stored) => Parse(stored) is not null;

    public static bool Verify(string stored, string password)
    {
        if (Parse(stored) is not { } p) return false;
        var derived = SCrypt.Generate(Encoding.UTF8.GetBytes(password), [.. p.Salt, .. p.Separator], 1 << p.MemCost, p.Rounds, 1, DerivedLength);
        var cipher = CipherUtilities.GetCipher("AES/CTR/NoPadding");
        cipher.Init(true, new ParametersWithIV(new KeyParameter(derived, 0, 32), new byte[16]));
        var actual = cipher.DoFinal(p.SignerKey);
        CryptographicOperations.ZeroMemory(derived);
        return CryptographicOperations.FixedTimeEquals(actual, p.Hash);
    }

    private sealed record Parts(int MemCost, int Rounds, byte[] Salt, byte[] Separator, byte[] SignerKey, byte[] Hash);

    private static Parts? Parse(string stored)
    {
        if (!IsFirebaseScrypt(stored)) return null;
        var parts = stored[Prefix.Length..].Split('$');
        if (parts.Length != 5) return null;
        var parameters = parts[0].Split(',');
        if (parameters.Length != 2 || !Number(parameters[0], "m=", out var memCost) || !Number(parameters[1], "r=", out var rounds)) return null;
        if (memCost is < 1 or > MaxMemCost || rounds is < 1 or > MaxRounds || 128L * rounds * (1L << memCost) > MaxMemoryBytes) return null;
        var salt = Bytes(parts[1]);
        var separator = Bytes(parts[2]);
        var signerKey = Bytes(parts[3]);
        var hash = Bytes(parts[4]);
        // The hash is the signer key encrypted under a stream cipher: the same length, and never empty.
        if (salt is null || separator is null || signerKey is not { Length: > 0 } || hash is null || hash.Length != signerKey.Length) return null;
        return new Parts(memCost, rounds, salt, separator, signerKey, hash);
    }

    private static bool Number(string text, string name, out int value)
    {
        value = 0;
        return text.StartsWith(name, StringComparison.Ordinal)
               && int.TryParse(text.AsSpan(name.Length), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static byte[]? Bytes(string base64)
    {
        try { return Convert.FromBase64String(base64); }
        catch (FormatException) { return null; }
    }

    /// <summary>Firebase writes some exports in URL-safe base64 without padding; stored values are standard base64.</summary>
    private static string Normal(string base64)
    {
        var text = base64.Trim().Replace('-', '+').Replace('_', '/');
        return text.Length % 4 == 0 ? text : text + new string('=', 4 - text.Length % 4);
    }
}

/// <summary>A Firebase project's password hash parameters (console: Authentication, Users, ⋮, Password hash parameters).</summary>
public sealed record FirebaseHashConfig(string SignerKey, string SaltSeparator, int Rounds = 8, int MemCost = 14);
