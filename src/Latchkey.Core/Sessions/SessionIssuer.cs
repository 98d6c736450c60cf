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
    public IssuedSession Start(User user, string kind, string authMethod, RequestContext context)
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
            ElevatedAt = now,
            ExpiresAt = now + settings.AbsoluteLifetime,
        };
        var subject = new TokenSubject(user.Id, user.Email, user.Username, user.Role, user.Disabled, user.IsAnonymous, user.DefaultRole, user.AllowedRoles);

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

    internal RefreshToken NewRefreshToken(Guid sessionId, Guid userId, string secret, DateTime now, DateTime sessionExpiresAt) => new()
    {
        Id = Ids.New(),
        SessionId = sessionId,
        UserId = userId,
        TokenHash = SecretHash.Sha256(secret),
        CreatedAt = now,
        ExpiresAt = Min(now + options.Value.IdleTimeout, sessionExpiresAt),
    };

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
