using Latchkey.Core.Common;
using Latchkey.Core.Tokens;

namespace Latchkey.Core.OAuth;

/// <summary>
/// The client_credentials grant (RFC 6749 §4.4): a confidential client acting for itself. The token's
/// subject is the client; user scopes (openid, offline_access) make no sense here and are refused. With a
/// <c>resource</c> (RFC 8707) or custom scopes, the token is for that API resource.
/// </summary>
public sealed class ClientCredentialsGrant(AccessTokenIssuer accessTokens)
{
    public async ValueTask<Result<TokenResponse>> IssueAsync(OAuthClient client, string? scope, string? resource, ResourceIndicators resources, CancellationToken ct)
    {
        if (client.IsPublic || !client.Allows(GrantTypes.ClientCredentials))
            return new AuthError(AuthErrorCodes.UnauthorizedClient, "This client may not use the client_credentials grant");
        var requested = Scopes.Parse(scope);
        if (requested is null || requested.Any(s => s is Scopes.OpenId or Scopes.OfflineAccess || !client.Scopes.Contains(s)))
            return new AuthError(AuthErrorCodes.InvalidScope, "scope is not allowed for client_credentials");
        var target = await resources.ResolveAsync(client, requested, resource, ct);
        if (!target.IsSuccess) return target.Error;
        var granted = Scopes.Join(target.Value.Scopes);
        var access = accessTokens.IssueForClient(client.ClientId, client.ClientId, granted, null, target.Value.Resource?.Identifier);
        return new TokenResponse(access.Value, access.ExpiresInSeconds, granted, null, null);
    }
}
