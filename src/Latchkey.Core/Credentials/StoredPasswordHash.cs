namespace Latchkey.Core.Credentials;

/// <summary>
/// Which stored hash strings this server can verify. Imports accept only these, so a column of plaintext
/// passwords (or a format we cannot check) is refused rather than stored.
/// </summary>
public static class StoredPasswordHash
{
    public static bool IsSupported(string hash) =>
        hash.StartsWith("$argon2", StringComparison.Ordinal)
        || (BcryptHash.IsBcrypt(hash) && BcryptHash.IsWellFormed(hash))
        || (DjangoPbkdf2Hash.IsDjangoPbkdf2(hash) && hash.Split('$').Length == 4)
        || (Pbkdf2PhcHash.IsPbkdf2(hash) && Pbkdf2PhcHash.IsWellFormed(hash))
        || FirebaseScryptHash.IsWellFormed(hash)
        || AspNetIdentityHash.IsWellFormed(hash);

    /// <summary>Keycloak's PBKDF2 credential (algorithm "pbkdf2", "pbkdf2-sha256" or "pbkdf2-sha512") in our stored form.</summary>
    public static string? FromKeycloak(string algorithm, int iterations, string base64Salt, string base64Key)
    {
        var name = algorithm switch { "pbkdf2" => "sha1", "pbkdf2-sha256" => "sha256", "pbkdf2-sha512" => "sha512", _ => null };
        if (name is null) return null;
        try
        {
            var stored = Pbkdf2PhcHash.Format(name, iterations, Convert.FromBase64String(base64Salt), Convert.FromBase64String(base64Key));
            return Pbkdf2PhcHash.IsWellFormed(stored) ? stored : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
