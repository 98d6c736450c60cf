using Latchkey.Core.Sessions;
using Latchkey.Core.Tokens;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Token revocation (RFC 7009). Revoking a refresh token or a grant's access token ends the grant, so
/// every token of it stops at once (§2.1 allows this); an access token itself is also put on the
/// revocation list until it expires, which is what stops one with no grant (client credentials). Unknown
/// tokens, and tokens of another client, are ignored: the answer is 200 either way (§2.2).
/// </summary>
public sealed class RevocationService(
    OAuthTokenResolver resolver, ISessionStore sessions, SessionStateCache sessionState, AccessTokenRevocationList revokedAccessTokens, TimeProvider clock)
{
    public async Task RevokeAsync(OAuthClient caller, string? token, string? hint, CancellationToken ct)
    {
        var found = await resolver.ResolveAsync(token, hint, ct);
        if (found is null || found.Client.Id != caller.Id) return;
        if (found.Kind == "access_token" && found.TokenId is { Length: > 0 } jti) await revokedAccessTokens.RevokeAsync(jti, found.ExpiresAt, ct);
        if (found.GrantSessionId is not { } grant) return;
        await sessions.RevokeAsync(grant, clock.GetUtcNow().UtcDateTime, RevokeReasons.TokenRevoked, ct);
        sessionState.Forget(grant);
    }
}
