using System.Text;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.OAuth;

/// <summary>
/// Reads OAuth parameters the way the RFCs want them: form-encoded bodies for the back-channel endpoints,
/// query or form for the front channel, each parameter at most once (RFC 6749 §3.1, §3.2).
/// </summary>
public sealed record OAuthRequest(IReadOnlyDictionary<string, string> Values, IReadOnlyCollection<string> Repeated)
{
    public string? this[string name] => Values.GetValueOrDefault(name);

    public static OAuthRequest From(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> source)
    {
        var (values, repeated) = OAuthParameters.From(source);
        return new OAuthRequest(values, repeated);
    }

    /// <summary>The form body of a back-channel request; null when the body is not form-encoded.</summary>
    public static async Task<OAuthRequest?> ReadFormAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType) return null;
        return From(await http.Request.ReadFormAsync(http.RequestAborted));
    }

    /// <summary>Front channel: the query for GET, the form for POST (OIDC Core §3.1.2.1).</summary>
    public static async Task<OAuthRequest> ReadFrontChannelAsync(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType
            ? From(await http.Request.ReadFormAsync(http.RequestAborted))
            : From(http.Request.Query);

    public AuthError? RepeatedError() =>
        Repeated.Count == 0 ? null : new AuthError(AuthErrorCodes.InvalidRequest, $"Parameters must not repeat: {string.Join(", ", Repeated)}");

    /// <summary>The client credentials offered: the Basic header (RFC 6749 §2.3.1, form-urlencoded parts) and the form fields.</summary>
    public ClientCredentialsInput Credentials(HttpContext http)
    {
        string? basicId = null, basicSecret = null;
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            (basicId, basicSecret) = ParseBasic(header["Basic ".Length..].Trim());
            basicId ??= ""; // a malformed header still counts as an attempt, and fails
        }
        return new ClientCredentialsInput(basicId, basicSecret ?? "", this["client_id"], this["client_secret"],
            this["client_assertion_type"], this["client_assertion"]);
    }

    private static (string?, string?) ParseBasic(string encoded)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? (null, null) : (Unescape(decoded[..colon]), Unescape(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
