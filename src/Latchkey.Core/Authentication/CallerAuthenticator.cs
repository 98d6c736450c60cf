using Latchkey.Core.ApiKeys;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Tokens;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Authentication;

/// <summary>
/// Turns a presented credential into a <see cref="Caller"/>: a session cookie, an access token or an
/// API key. Each costs at most one indexed read; activity timestamps are written at most once per
/// <see cref="SessionOptions.ActivityWriteInterval"/>.
/// </summary>
public sealed class CallerAuthenticator(
    ISessionStore sessions,
    IApiKeyStore apiKeys,
    AccessTokenValidator tokens,
    SessionStateCache sessionState,
    IOptions<SessionOptions> options,
    TimeProvider clock)
{
    public async Task<Caller?> FromCookieAsync(string secret, CancellationToken ct)
    {
        if (secret.Length != 43) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await sessions.FindActiveByCookieHashAsync(SecretHash.Sha256(secret), now, ct);
        // An impersonation session counts only beside its administrator's own (FromCookiesAsync), never alone.
        if (found is null || found.Subject.Disabled || found.ImpersonatorId is not null) return null;
        // Cookie sessions slide: unused for the idle timeout, they end.
        if (now - found.LastActivityAt > options.Value.IdleTimeout) return null;
        if (now - found.LastActivityAt > options.Value.ActivityWriteInterval) await sessions.TouchAsync(found.SessionId, now, ct);
        var s = found.Subject;
        return new Caller(s.UserId, s.Email, s.Username, s.Role, CredentialKind.Cookie, found.SessionId, null, found.ElevatedAt, GroupRoles: s.GroupRoles);
    }

    /// <summary>
    /// The browser's caller: the session cookie's user or, when an impersonation cookie of that same administrator is
    /// beside it and still active, the impersonated user with the administrator as <see cref="Caller.ActorId"/>.
    /// An expired or foreign impersonation cookie is ignored: the administrator is back to themselves.
    /// </summary>
    public async Task<Caller?> FromCookiesAsync(string secret, string? impersonationSecret, CancellationToken ct)
    {
        var own = await FromCookieAsync(secret, ct);
        if (own is null || impersonationSecret is not { Length: 43 }) return own;
        var found = await sessions.FindActiveByCookieHashAsync(SecretHash.Sha256(impersonationSecret), clock.GetUtcNow().UtcDateTime, ct);
        if (found is null || found.Subject.Disabled || found.ImpersonatorId != own.UserId) return own;
        var s = found.Subject;
        return new Caller(s.UserId, s.Email, s.Username, s.Role, CredentialKind.Cookie, found.SessionId, null, found.ElevatedAt, own.UserId, s.GroupRoles);
    }

    public async Task<Caller?> FromAccessTokenAsync(string token, CancellationToken ct)
    {
        var claims = await tokens.ValidateAsync(token);
        if (claims is null) return null;
        if (!sessionState.IsKnownActive(claims.SessionId, claims.UserId))
        {
            var generation = sessionState.Generation;
            if (!await sessions.IsActiveAsync(claims.SessionId, clock.GetUtcNow().UtcDateTime, ct)) return null;
            sessionState.RememberActive(claims.SessionId, claims.UserId, generation);
        }
        return new Caller(claims.UserId, claims.Email ?? "", null, claims.Role, CredentialKind.AccessToken, claims.SessionId, null, GroupRoles: claims.GroupRoles);
    }

    public async Task<Caller?> FromApiKeyAsync(string secret, CancellationToken ct)
    {
        if (!ApiKeyFormat.LooksLikeSecret(secret)) return null;
        var found = await apiKeys.FindBySecretHashAsync(SecretHash.Sha256(secret), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (found is null || found.Subject.Disabled || found.ExpiresAt <= now) return null;
        if (found.LastUsedAt is null || now - found.LastUsedAt.Value > options.Value.ActivityWriteInterval)
            await apiKeys.TouchAsync(found.KeyId, now, ct);
        var s = found.Subject;
        return new Caller(s.UserId, s.Email, s.Username, s.Role, CredentialKind.ApiKey, null, found.KeyId, GroupRoles: s.GroupRoles)
        {
            Scopes = ApiKeyScopes.Set(found.Scopes),
        };
    }
}
