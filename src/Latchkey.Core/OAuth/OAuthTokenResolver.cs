using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Tokens;

namespace Latchkey.Core.OAuth;

/// <summary>Finds what an access or refresh token presented to introspection or revocation stands for.</summary>
public sealed class OAuthTokenResolver(AccessTokenValidator accessTokens, GrantState grants, ISessionStore sessions, IOAuthClientStore clients, TimeProvider clock)
{
    public async Task<ResolvedToken?> ResolveAsync(string? token, string? hint, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 8192) return null;
        // The hint only orders the lookups (RFC 7009 §2.1); a wrong hint still finds the token.
        return hint == "refresh_token"
            ? await RefreshAsync(token, ct) ?? await AccessAsync(token, ct)
            : await AccessAsync(token, ct) ?? await RefreshAsync(token, ct);
    }

    private async Task<ResolvedToken?> AccessAsync(string token, CancellationToken ct)
    {
        var claims = await accessTokens.ValidateClientTokenAsync(token);
        if (claims is null) return null;
        var client = await clients.FindByClientIdAsync(claims.ClientId, ct);
        if (client is null) return null;
        var active = await grants.IsActiveAsync(claims, ct);
        return new ResolvedToken("access_token", active, client, claims.Subject, claims.SessionId, claims.Scope, claims.IssuedAt, claims.ExpiresAt, claims.TokenId, claims.Audience);
    }

    private async Task<ResolvedToken?> RefreshAsync(string token, CancellationToken ct)
    {
        if (token.Length != 43) return null;
        var found = await sessions.FindRefreshTokenAsync(SecretHash.Sha256(token), ct);
        if (found?.Grant is not { } grant) return null;
        var client = (await clients.FindByIdsAsync([grant.ClientRowId], ct)).FirstOrDefault();
        if (client is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var active = found.RotatedAt is null && found.TokenExpiresAt > now && found.SessionRevokedAt is null
            && found.SessionExpiresAt > now && !found.Subject.Disabled;
        return new ResolvedToken("refresh_token", active, client, found.Subject.UserId.ToString(), found.SessionId, grant.Scope, null, found.TokenExpiresAt, null);
    }
}

public sealed record ResolvedToken(
    string Kind, bool Active, OAuthClient Client, string Subject, Guid? GrantSessionId, string Scope, DateTime? IssuedAt, DateTime ExpiresAt, string? TokenId,
    string? Audience = null);
