using System.Security.Cryptography;
using System.Text;
using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Hashes with Argon2id through libsodium, producing the standard <c>$argon2id$v=19$m=…,t=…,p=1$…</c> string.
/// Also verifies hashes imported from other systems (bcrypt, ASP.NET Core Identity, Django PBKDF2, Keycloak's PBKDF2, Firebase's scrypt) and asks for
/// those to be rehashed, so imported accounts move to Argon2id on their next successful login.
/// </summary>
public sealed class Argon2idPasswordHasher : IPasswordHasher
{
    private readonly ulong _opsLimit;
    private readonly nuint _memLimit;
    private readonly Lazy<string> _dummyHash;
    // Each hash maps 19 MiB (by default). More hashes at once than cores only time-slice the CPU while
    // multiplying memory: under a sign-in burst the benchmark saw ~400 MB peak RSS. Callers beyond the
    // core count wait their turn, so memory stays at cores x MemoryKiB. They wait asynchronously: a
    // blocking wait parked one thread-pool thread per queued sign-in, and the pool's growth then
    // delayed every other request (refreshes, token checks) during a burst.
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount);

    public Argon2idPasswordHasher(IOptions<PasswordHashingOptions> options)
    {
        Sodium.EnsureInitialized();
        var value = options.Value;
        _opsLimit = (ulong)value.Iterations;
        _memLimit = (nuint)value.MemoryKiB * 1024;

        // Made on first use: hashing at construction would slow every startup by one full hash. It is
        // computed outside the slots (once per process), so the first dummy check costs two hashes.
        _dummyHash = new Lazy<string>(() => HashNow(Encoding.UTF8.GetBytes(RandomSecrets.Base64Url())));
    }

    public async Task<string> HashAsync(string password, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        var bytes = Encoding.UTF8.GetBytes(password);
        try
        {
            await _slots.WaitAsync(ct);
            try
            {
                return HashNow(bytes);
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public async Task<PasswordVerification> VerifyAsync(string storedHash, string password, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(storedHash) || password is null)
        {
            return PasswordVerification.Failed;
        }

        if (storedHash.StartsWith("$argon2", StringComparison.Ordinal))
        {
            return await VerifyArgon2Async(storedHash, password, ct);
        }

        var importedMatch = BcryptHash.IsBcrypt(storedHash) ? BcryptHash.Verify(storedHash, password)
            : DjangoPbkdf2Hash.IsDjangoPbkdf2(storedHash) ? DjangoPbkdf2Hash.Verify(storedHash, password)
            : Pbkdf2PhcHash.IsPbkdf2(storedHash) ? Pbkdf2PhcHash.Verify(storedHash, password)
            : FirebaseScryptHash.IsFirebaseScrypt(storedHash) ? FirebaseScryptHash.Verify(storedHash, password)
            : AspNetIdentityHash.Verify(storedHash, password);

        return importedMatch ? PasswordVerification.SuccessRehashNeeded : PasswordVerification.Failed;
    }

    public Task VerifyDummyAsync(string password, CancellationToken ct = default) => VerifyAsync(_dummyHash.Value, password ?? string.Empty, ct);

    private string HashNow(byte[] password) => Sodium.HashString(password, _opsLimit, _memLimit, Sodium.Argon2id13);

    private async Task<PasswordVerification> VerifyArgon2Async(string storedHash, string password, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        try
        {
            await _slots.WaitAsync(ct);
            try
            {
                if (!Sodium.VerifyString(storedHash, bytes))
                {
                    return PasswordVerification.Failed;
                }
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }

        // libsodium also accepts Argon2i strings; those are upgraded to Argon2id like any import.
        if (!storedHash.StartsWith("$argon2id$", StringComparison.Ordinal))
        {
            return PasswordVerification.SuccessRehashNeeded;
        }

        return Sodium.NeedsRehash(storedHash, _opsLimit, _memLimit) == 0
            ? PasswordVerification.Success
            : PasswordVerification.SuccessRehashNeeded;
    }
}
