namespace Latchkey.Core.Credentials;

/// <summary>
/// Argon2id cost for new hashes (configuration: <c>Latchkey:Passwords:Hashing</c>). The defaults are OWASP's
/// minimum recommendation (19 MiB, 2 passes, 1 lane); raising either makes stored hashes rehash at next login.
/// </summary>
public sealed class PasswordHashingOptions
{
    /// <summary>Argon2 passes over memory (libsodium's opslimit).</summary>
    public int Iterations { get; set; } = 2;

    /// <summary>Argon2 memory per hash in KiB (libsodium's memlimit / 1024).</summary>
    public int MemoryKiB { get; set; } = 19456;
}
