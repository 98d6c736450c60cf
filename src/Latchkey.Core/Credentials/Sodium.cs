using System.Reflection;
using System.Runtime.InteropServices;

namespace Latchkey.Core.Credentials;

/// <summary>The part of libsodium's API that password hashing needs (crypto_pwhash_*).</summary>
internal static unsafe partial class Sodium
{
    private const string LibraryName = "libsodium";

    public const int Argon2i13 = 1;
    public const int Argon2id13 = 2;

    // crypto_pwhash_STRBYTES: the fixed size of a hash string buffer, terminating NUL included.
    private const int StrBytes = 128;

    // Distributions ship only the versioned soname unless the -dev package is installed, so the
    // runtime's default probe for "libsodium" (libsodium.so) would not find it. 23 is 1.0.18, 26 is 1.0.19+.
    private static readonly string[] VersionedNames = ["libsodium.so.23", "libsodium.so.26"];

    static Sodium()
    {
        // An assembly can have only one resolver: if Latchkey.Core ever needs another native library,
        // map it in Resolve rather than registering a second one.
        NativeLibrary.SetDllImportResolver(typeof(Sodium).Assembly, Resolve);
        if (sodium_init() < 0)
        {
            throw new InvalidOperationException("libsodium could not be initialised (sodium_init failed).");
        }
    }

    /// <summary>Runs the static constructor, so a missing libsodium fails at startup rather than at first login.</summary>
    public static void EnsureInitialized()
    {
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName)
        {
            return IntPtr.Zero;
        }

        foreach (var name in VersionedNames)
        {
            if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        // Zero falls back to the default probing (libsodium.so, libsodium.dylib, libsodium.dll).
        return IntPtr.Zero;
    }

    public static string HashString(ReadOnlySpan<byte> password, ulong opsLimit, nuint memLimit, int algorithm)
    {
        Span<byte> output = stackalloc byte[StrBytes];
        int result;
        fixed (byte* outputPtr = output)
        fixed (byte* passwordPtr = NonNullSpan(password))
        {
            result = crypto_pwhash_str_alg(outputPtr, passwordPtr, (ulong)password.Length, opsLimit, memLimit, algorithm);
        }

        if (result != 0)
        {
            // libsodium fails here only when it cannot allocate the configured memory.
            throw new InvalidOperationException($"Argon2 hashing failed: could not allocate {memLimit / 1024} KiB.");
        }

        var length = output.IndexOf((byte)0);
        return System.Text.Encoding.ASCII.GetString(output[..length]);
    }

    /// <summary>True only when the hash string is well formed and matches the password.</summary>
    public static bool VerifyString(string hashString, ReadOnlySpan<byte> password)
    {
        Span<byte> str = stackalloc byte[StrBytes];
        if (!TryWriteCString(hashString, str))
        {
            return false;
        }

        fixed (byte* strPtr = str)
        fixed (byte* passwordPtr = NonNullSpan(password))
        {
            return crypto_pwhash_str_verify(strPtr, passwordPtr, (ulong)password.Length) == 0;
        }
    }

    /// <summary>0 when the hash already uses these parameters, 1 when it does not, -1 when it is not an Argon2 string.</summary>
    public static int NeedsRehash(string hashString, ulong opsLimit, nuint memLimit)
    {
        Span<byte> str = stackalloc byte[StrBytes];
        if (!TryWriteCString(hashString, str))
        {
            return -1;
        }

        fixed (byte* strPtr = str)
        {
            return crypto_pwhash_str_needs_rehash(strPtr, opsLimit, memLimit);
        }
    }

    // Hash strings are plain ASCII; anything else, or anything that would not fit with its NUL, is not one of ours.
    private static bool TryWriteCString(string value, Span<byte> destination)
    {
        if (value.Length >= destination.Length)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0' || c > 0x7F)
            {
                return false;
            }

            destination[i] = (byte)c;
        }

        destination[value.Length] = 0;
        return true;
    }

    // fixed on an empty span yields a null pointer; give libsodium a valid address even for an empty password.
    private static ReadOnlySpan<byte> NonNullSpan(ReadOnlySpan<byte> span) => span.IsEmpty ? [0] : span;

    [LibraryImport(LibraryName)]
    private static partial int sodium_init();

    [LibraryImport(LibraryName)]
    private static partial int crypto_pwhash_str_alg(
        byte* output, byte* password, ulong passwordLength, ulong opsLimit, nuint memLimit, int algorithm);

    [LibraryImport(LibraryName)]
    private static partial int crypto_pwhash_str_verify(byte* str, byte* password, ulong passwordLength);

    [LibraryImport(LibraryName)]
    private static partial int crypto_pwhash_str_needs_rehash(byte* str, ulong opsLimit, nuint memLimit);
}
