using System.Security.Cryptography;
using System.Text;

namespace Latchkey.Core.Credentials;

/// <summary>
/// SHA-1 of a password as uppercase hex: the key both breach sources are indexed by. SHA-1 here is
/// dictated by the Pwned Passwords data set, not chosen for security; it never protects a stored password.
/// </summary>
internal static class PasswordSha1
{
    public static string UpperHex(string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return Convert.ToHexString(SHA1.HashData(bytes));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
