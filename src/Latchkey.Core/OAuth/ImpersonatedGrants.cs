using Latchkey.Core.Sessions;

namespace Latchkey.Core.OAuth;

/// <summary>
/// A grant approved in an administrator's impersonation session carries the administrator (the RFC 8693 <c>act</c>
/// claim of its access tokens), ends with the impersonation and gets no refresh token. One primary-key read of the
/// approving session per code or device-code redemption.
/// </summary>
public sealed class ImpersonatedGrants(ISessionStore sessions)
{
    public async Task<OAuthGrantInfo> ResolveAsync(OAuthGrantInfo grant, CancellationToken ct)
    {
        if (grant.BrowserSessionId is not { } browserSessionId) return grant;
        var browser = await sessions.FindAsync(browserSessionId, ct);
        return browser?.ImpersonatorId is { } actor ? grant with { ActorId = actor, NotAfter = browser.ExpiresAt } : grant;
    }
}
