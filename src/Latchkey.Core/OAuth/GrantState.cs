using Latchkey.Core.Sessions;
using Latchkey.Core.Tokens;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Whether the grant behind an OAuth access token is still active: the shared few-second cache first,
/// then one primary-key read. Client-credentials tokens have no grant and live until they expire.
/// </summary>
public sealed class GrantState(ISessionStore sessions, SessionStateCache cache, TimeProvider clock)
{
    public async Task<bool> IsActiveAsync(ClientAccessTokenClaims claims, CancellationToken ct)
    {
        if (claims.SessionId is not { } sid) return claims.UserId is null;
        var userId = claims.UserId ?? Guid.Empty;
        if (cache.IsKnownActive(sid, userId)) return true;
        var generation = cache.Generation;
        if (!await sessions.IsActiveAsync(sid, clock.GetUtcNow().UtcDateTime, ct)) return false;
        cache.RememberActive(sid, userId, generation);
        return true;
    }
}
