using Latchkey.Core.Common;
using Latchkey.Core.Tokens;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Sessions;

/// <summary>
/// Starts sessions for every sign-in method. Rows are added to the unit of work, not saved, so the
/// caller commits the session with the rest of its use case (counters, activity) in one round trip.
/// </summary>
public sealed class SessionIssuer(ISessionStore sessions, AccessTokenIssuer accessTokens, IOptions<SessionOptions> options, TimeProvider clock)
{
    public IssuedSession Start(User user, string kind, string authMethod, RequestContext context) =>
        Start(user, kind, authMethod, context, null, null);

    /// <summary>
    /// A cookie session of <paramref name="user"/> for <paramref name="administratorId"/> to act in, ending at
    /// <paramref name="expiresAt"/>. It is not elevated: step-up operations stay refused in it.
    /// </summary>
    public IssuedSession StartImpersonation(User user, Guid administratorId, DateTime expiresAt, RequestContext context) =>
        Start(user, SessionKinds.Cookie, AuthMethods.Impersonation, context, administratorId, expiresAt);

    private IssuedSession Start(User user, string kind, string authMethod, RequestContext context, Guid? impersonatorId, DateTime? notAfter)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var session = new Session
        {
            Id = Ids.New(),
            UserId = user.Id,
            Kind = kind,
            AuthMethod = authMethod,
            IpAddress = context.IpAddress,
            UserAgent = context.UserAgent is { Length: > 512 } ua ? ua[..512] : context.UserAgent,
            DeviceType = DeviceTypes.FromUserAgent(context.UserAgent),
            CreatedAt = now,
            LastActivityAt = now,
            ElevatedAt = impersonatorId is null ? now : null,
            ExpiresAt = notAfter ?? now + settings.AbsoluteLifetime,
            ImpersonatorId = impersonatorId,
        };
        var subject = new TokenSubject(user.Id, user.Email, user.Username, user.Role, user.Disabled, user.IsAnonymous, user.DefaultRole, user.AllowedRoles, user.GroupRoles);

        if (kind == SessionKinds.Cookie)
        {
            var cookieSecret = RandomSecrets.Base64Url();
            session.CookieSecretHash = SecretHash.Sha256(cookieSecret);
            sessions.Add(session);
            return new IssuedSession(session.Id, subject, null, null, cookieSecret, Min(now + settings.IdleTimeout, session.ExpiresAt));
        }

        var refreshToken = RandomSecrets.Base64Url();
        sessions.Add(session);
        sessions.Add(NewRefreshToken(session.Id, user.Id, refreshToken, now, session.ExpiresAt));
        return new IssuedSession(session.Id, subject, accessTokens.Issue(subject, session.Id), refreshToken, null, session.ExpiresAt);
    }

    /// <summary>
    /// Starts an OAuth grant: a session of kind "oauth" bound to the client and scope, with a refresh-token
    /// family when <paramref name="withRefreshToken"/> (rotation and reuse detection as for every session).
    /// </summary>
    public (Guid SessionId, string? RefreshToken) StartGrant(
        Guid userId, OAuthGrantInfo grant, bool withRefreshToken, RequestContext context, Guid? sessionId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new Session
        {
            Id = sessionId ?? Ids.New(),
            UserId = userId,
            Kind = SessionKinds.OAuth,
            AuthMethod = AuthMethods.OAuth,
            IpAddress = context.IpAddress,
            UserAgent = context.UserAgent is { Length: > 512 } ua ? ua[..512] : context.UserAgent,
            DeviceType = DeviceTypes.FromUserAgent(context.UserAgent),
            CreatedAt = now,
            LastActivityAt = now,
            ExpiresAt = Min(now + options.Value.AbsoluteLifetime, grant.NotAfter ?? DateTime.MaxValue),
            ImpersonatorId = grant.ActorId,
            ClientRowId = grant.ClientRowId,
            Scope = grant.Scope,
            BrowserSessionId = grant.BrowserSessionId,
            AuthTime = grant.AuthTime,
        };
        sessions.Add(session);
        if (!withRefreshToken) return (session.Id, null);
        var refreshToken = RandomSecrets.Base64Url();
        sessions.Add(NewRefreshToken(session.Id, userId, refreshToken, now, session.ExpiresAt));
        return (session.Id, refreshToken);
    }

    internal RefreshToken NewRefreshToken(Guid sessionId, Guid userId, string secret, DateTime now, DateTime sessionExpiresAt) => new()
    {
        Id = Ids.New(),
        SessionId = sessionId,
        UserId = userId,
        TokenHash = SecretHash.Sha256(secret),
        CreatedAt = now,
        ExpiresAt = Min(now + options.Value.IdleTimeout, sessionExpiresAt),
    };

    /// <summary>What a refresh rotation writes: a successor with <paramref name="secret"/>, on the same idle timeout as <see cref="NewRefreshToken"/>.</summary>
    internal RefreshRotation NewRotation(Guid? clientRowId, string secret, DateTime now, bool withUser = false) =>
        new(clientRowId, now, Ids.New(), SecretHash.Sha256(secret), now + options.Value.IdleTimeout, withUser);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
