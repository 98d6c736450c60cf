using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Latchkey.Core.Common;

namespace Latchkey.Core.OAuth;

/// <summary>RFC 7636 §4.6: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge, S256 only.</summary>
public static partial class Pkce
{
    public static bool Verify(string? verifier, string challenge)
    {
        if (verifier is null || !VerifierSyntax().IsMatch(verifier)) return false;
        var computed = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return SecretHash.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }

    [GeneratedRegex("^[A-Za-z0-9._~-]{43,128}$")]
    private static partial Regex VerifierSyntax();
}
