namespace Latchkey.Core.Credentials;

/// <summary>
/// Turns passwords into stored hashes and checks passwords against them. Asynchronous because a hash
/// may have to wait for a free core (see <see cref="Argon2idPasswordHasher"/>): callers wait without
/// holding a thread.
/// </summary>
public interface IPasswordHasher
{
    /// <summary>A self-describing hash string (salt and parameters included) for storage.</summary>
    Task<string> HashAsync(string password, CancellationToken ct = default);

    /// <summary>Checks <paramref name="password"/> against a stored hash of any supported format. Never throws for a bad hash.</summary>
    Task<PasswordVerification> VerifyAsync(string storedHash, string password, CancellationToken ct = default);

    /// <summary>
    /// Does the work of a real <see cref="VerifyAsync"/> against a hash with the current parameters, so that a login
    /// for an unknown account takes as long as one for a known account and does not reveal which accounts exist.
    /// </summary>
    Task VerifyDummyAsync(string password, CancellationToken ct = default);
}
