namespace Latchkey.Core.Credentials;

/// <summary>Tells whether a password is known from data breaches.</summary>
public interface IBreachedPasswordChecker
{
    /// <summary>True if listed, false if not, null if the check could not complete (service down, timeout, unreadable file).</summary>
    Task<bool?> IsBreachedAsync(string password, CancellationToken cancellationToken);
}
