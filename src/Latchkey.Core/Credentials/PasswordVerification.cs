namespace Latchkey.Core.Credentials;

/// <summary>Outcome of checking a password against a stored hash.</summary>
public enum PasswordVerification
{
    Failed,
    Success,

    /// <summary>
    /// The password is right, but the stored hash is an imported format or uses other cost parameters:
    /// the caller should store <see cref="IPasswordHasher.Hash"/> of the password it just verified.
    /// </summary>
    SuccessRehashNeeded,
}
