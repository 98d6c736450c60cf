using Latchkey.Core.Tokens;

namespace Latchkey.Core.OAuth;

/// <summary>Mints the tokens of a grant: access token, id token when openid was granted, and the refresh token given.</summary>
public sealed class OAuthTokenMinter(AccessTokenIssuer accessTokens, IdTokenIssuer idTokens)
{
    /// <summary>
    /// Refresh tokens go to clients allowed the refresh_token grant; for OpenID requests only when
    /// offline_access was granted (OIDC Core §11), for plain OAuth requests always.
    /// </summary>
    public static bool GetsRefreshToken(OAuthClient client, string scope) =>
        client.Allows(GrantTypes.RefreshToken) && (Scopes.Has(scope, Scopes.OfflineAccess) || !Scopes.Has(scope, Scopes.OpenId));

    /// <param name="audience">The API resource the access token is for (<see cref="ResourceIndicators.AudienceAsync"/>); null for this server.</param>
    /// <param name="actorId">The administrator who approved the grant while impersonating the user (<see cref="ImpersonatedGrants"/>).</param>
    /// <param name="accessClaims">Claims the granted scopes add to the access token (<see cref="Licensing.EntitlementClaim"/>).</param>
    public TokenResponse Mint(
        OAuthClient client, Guid userId, Guid grantSessionId, string scope, string? refreshToken, IdTokenFacts? id, string? audience, Guid? actorId = null,
        IReadOnlyList<KeyValuePair<string, object?>>? accessClaims = null)
    {
        var access = accessTokens.IssueForClient(userId.ToString(), client.ClientId, scope, grantSessionId, audience, actorId, accessClaims);
        string? idToken = null;
        if (id is not null && Scopes.Has(scope, Scopes.OpenId))
            idToken = idTokens.Issue(new IdTokenContent(userId.ToString(), client.ClientId, id.AuthTime, id.Nonce, id.BrowserSessionId, access.Value,
                id.Claims?.Where(c => c.Key != "sub").ToList()), client.IdTokenSignedResponseAlg);
        return new TokenResponse(access.Value, access.ExpiresInSeconds, scope, refreshToken, idToken);
    }
}

/// <summary>What the id token of a grant states about the authentication, and the user's claims its scopes allow (<see cref="ScopeClaims"/>).</summary>
public sealed record IdTokenFacts(DateTime AuthTime, string? Nonce, Guid? BrowserSessionId, IReadOnlyList<KeyValuePair<string, object?>>? Claims = null);
