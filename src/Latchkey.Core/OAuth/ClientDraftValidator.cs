using Latchkey.Core.Common;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Core.OAuth;

/// <summary>Checks client metadata and applies it to a client row (RFC 7591 §2 defaults).</summary>
public static class ClientDraftValidator
{
    /// <param name="customScopes">The scopes of the API resources, which a client may be allowed besides the standard ones.</param>
    /// <param name="f">The field names of the calling surface, for the messages.</param>
    public static AuthError? Apply(ClientDraft draft, OAuthClient client, ISet<string> customScopes, ClientFieldNames f)
    {
        var name = draft.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100 || name.Any(char.IsControl))
            return Metadata($"{f.Name} is required (at most 100 characters)");
        var method = draft.TokenEndpointAuthMethod ?? ClientAuthMethods.SecretBasic;
        if (!ClientAuthMethods.All.Contains(method)) return Metadata($"{f.TokenEndpointAuthMethod} must be one of {string.Join(", ", ClientAuthMethods.All)}");
        var grants = draft.GrantTypes is { Count: > 0 } g ? g.Distinct().ToList() : [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken];
        if (grants.FirstOrDefault(x => !OAuth.GrantTypes.All.Contains(x)) is { } unknown) return Metadata($"{f.GrantTypes}: unsupported grant type '{unknown}'");
        if (method == ClientAuthMethods.None && grants.Contains(OAuth.GrantTypes.ClientCredentials))
            return Metadata($"client_credentials needs a confidential client (a {f.TokenEndpointAuthMethod} other than none)");

        var redirects = draft.RedirectUris?.ToList() ?? [];
        if (grants.Contains(OAuth.GrantTypes.AuthorizationCode) && redirects.Count == 0)
            return new AuthError(AuthErrorCodes.InvalidRedirectUri, $"{f.RedirectUris} is required for the authorization_code grant");
        if (redirects.Count > ClientUris.MaxCount || redirects.Any(u => !ClientUris.IsValidRedirect(u)))
            return new AuthError(AuthErrorCodes.InvalidRedirectUri,
                $"Each of {f.RedirectUris} must be absolute, without a fragment, https (http only for loopback) or a private-use scheme; at most {ClientUris.MaxCount}");
        var postLogout = draft.PostLogoutRedirectUris?.ToList() ?? [];
        if (postLogout.Count > ClientUris.MaxCount || postLogout.Any(u => !ClientUris.IsValidRedirect(u)))
            return new AuthError(AuthErrorCodes.InvalidRedirectUri, $"{f.PostLogoutRedirectUris} must follow the redirect URI rules");

        var scopes = Scopes.Parse(draft.Scope);
        if (scopes is null) return Metadata($"{f.Scope} must be scope names separated by spaces");
        if (scopes.FirstOrDefault(s => !Scopes.IsStandard(s) && !customScopes.Contains(s)) is { } badScope)
            return Metadata($"{f.Scope}: '{badScope}' is neither a standard scope ({string.Join(' ', Scopes.Supported)}) nor a scope of an API resource");
        foreach (var (field, value) in new[] { (f.BackchannelLogoutUri, draft.BackchannelLogoutUri), (f.ClientUri, draft.ClientUri), (f.LogoUri, draft.LogoUri) })
            if (value is not null && !ClientUris.IsValidWeb(value)) return Metadata($"{field} must be an https URL (http only for loopback)");
        var idAlg = draft.IdTokenSignedResponseAlg ?? IdTokenAlgorithms.RS256;
        if (!IdTokenAlgorithms.All.Contains(idAlg)) return Metadata($"{f.IdTokenSignedResponseAlg} must be one of {string.Join(", ", IdTokenAlgorithms.All)}");
        if (method == ClientAuthMethods.PrivateKeyJwt && !HasSigningKey(draft.Jwks))
            return Metadata($"private_key_jwt needs {f.Jwks} with at least one RSA or EC public key");

        client.Name = name;
        client.TokenEndpointAuthMethod = method;
        client.GrantTypes = grants;
        client.RedirectUris = redirects;
        client.PostLogoutRedirectUris = postLogout;
        client.Scopes = scopes.Count > 0 ? scopes : [.. Scopes.Default];
        client.Jwks = method == ClientAuthMethods.PrivateKeyJwt ? draft.Jwks : null;
        client.BackchannelLogoutUri = draft.BackchannelLogoutUri;
        client.ClientUri = draft.ClientUri;
        client.LogoUri = draft.LogoUri;
        client.IdTokenSignedResponseAlg = idAlg;
        return null;
    }

    private static AuthError Metadata(string message) => new(AuthErrorCodes.InvalidClientMetadata, message);

    private static bool HasSigningKey(string? jwks)
    {
        if (string.IsNullOrWhiteSpace(jwks) || jwks.Length > 16_384) return false;
        try
        {
            return new JsonWebKeySet(jwks).Keys.Any(k => k.Kty is "RSA" or "EC" && !k.HasPrivateKey);
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
