using Latchkey.Core.Common;
using Latchkey.Core.Sessions;

namespace Latchkey.Core.OAuth;

/// <summary>
/// The refresh_token grant (RFC 6749 §6) on the shared rotation and reuse-detection mechanism of
/// <see cref="RefreshTokenService"/>: a token is accepted only from the client whose grant it belongs to.
/// </summary>
public sealed class RefreshTokenGrant(RefreshTokenService refreshTokens, OAuthTokenMinter minter, ResourceIndicators resources, ScopeClaims claims,
    Licensing.EntitlementClaim entitlements)
{
    public async Task<Result<TokenResponse>> RefreshAsync(
        OAuthClient client, string? refreshToken, string? scope, string? resource, RequestContext context, CancellationToken ct)
    {
        if (!client.Allows(GrantTypes.RefreshToken)) return new AuthError(AuthErrorCodes.UnauthorizedClient, "This client may not use the refresh_token grant");
        var requested = Scopes.Parse(scope);
        if (requested is null) return new AuthError(AuthErrorCodes.InvalidScope, "scope is malformed");

        // A narrower scope may be asked for this access token; never a wider one (§6), and a `resource` must
        // name the grant's API resource (RFC 8707). Both are checked before the token rotates, so a refused
        // request leaves the client's refresh token as it was. A plain refresh asks for neither, and the grant's
        // own scope and audience cannot be refused: it rotates in one round trip, with no read before it.
        var asks = requested.Count > 0 || resource is not null;
        string? audience = null;
        var rotated = await refreshTokens.RotateAsync(refreshToken, client.Id, context, ct, !asks ? null : async granted =>
        {
            if (granted is null) return null;
            if (!Scopes.IsSubset(requested, granted.Scope)) return new AuthError(AuthErrorCodes.InvalidScope, "scope exceeds what was granted");
            var target = await resources.AudienceAsync(requested.Count > 0 ? Scopes.Join(requested) : granted.Scope, resource, ct);
            if (!target.IsSuccess) return target.Error;
            audience = target.Value;
            return null;
        });
        if (!rotated.IsSuccess)
            return rotated.Error.Code is AuthErrorCodes.InvalidScope or AuthErrorCodes.InvalidTarget
                ? rotated.Error
                : new AuthError(AuthErrorCodes.InvalidGrant, "Invalid, expired or revoked refresh token");
        var r = rotated.Value;
        var grant = r.Grant!;
        var tokenScope = requested.Count > 0 ? Scopes.Join(requested) : grant.Scope;
        if (!asks) audience = (await resources.AudienceAsync(grant.Scope, null, ct)).Value;
        var facts = new IdTokenFacts(grant.AuthTime ?? DateTime.UnixEpoch, null, grant.BrowserSessionId, await claims.ForRefreshAsync(r.Subject.UserId, tokenScope, ct));
        return minter.Mint(client, r.Subject.UserId, r.SessionId, tokenScope, r.Successor, facts, audience,
            accessClaims: await entitlements.ForAsync(r.Subject.UserId, tokenScope, ct));
    }
}
