using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Latchkey.Core.Social;

/// <summary>Builds the URL that sends the browser to the provider (RFC 6749 §4.1.1 with PKCE S256, RFC 7636).</summary>
public static class AuthorizationRequest
{
    public static string Url(SocialProvider provider, string callbackUrl, string state, string codeVerifier, string? nonce)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = provider.ClientId,
            ["redirect_uri"] = callbackUrl,
            ["scope"] = string.Join(provider.Description.ScopeSeparator, provider.Scopes),
            ["state"] = state,
            ["code_challenge"] = CodeChallenge(codeVerifier),
            ["code_challenge_method"] = "S256",
        };
        if (nonce is not null) query["nonce"] = nonce;
        // Apple returns name and email only to a form post, and requires it whenever scopes are asked for.
        if (provider.Description.FormPostCallback) query["response_mode"] = "form_post";
        foreach (var (name, value) in provider.Description.ExtraAuthorizeParameters) query[name] = value;
        return QueryHelpers.AddQueryString(provider.AuthorizationEndpoint, query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    public static string CodeChallenge(string verifier) =>
        System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
}
