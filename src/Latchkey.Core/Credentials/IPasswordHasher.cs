namespace Latchkey.Core.Credentials;

/// <summary>Turns passwords into stored hashes and checks passwords against them.</summary>
public interface IPasswordHasher
{
    /// <summary>A self-describing hash string (salt and parameters included) for storage.</summary>
    string Hash(string password);

    /// <summary>Checks <paramref name="password"/> against a stored hash of any supported format. Never throws for a bad hash.</summary>
    PasswordVerification Verify(string storedHash, string password);

    /// <summary>
    /// Does the work of a real <see cref="Verify"/> against a hash with the current parameters, so that a login
    /// for an unknown account takes as long as one for a known account and does not reveal which accounts exist.
    /// </summary>
    void VerifyDummy(string password);
}
