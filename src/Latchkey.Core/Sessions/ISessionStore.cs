namespace Latchkey.Core.Sessions;

/// <summary>Port for sessions and their refresh-token families.</summary>
public interface ISessionStore
{
    void Add(Session session);
    void Add(RefreshToken token);

    /// <summary>A tracked session, or null.</summary>
    Task<Session?> FindAsync(Guid sessionId, CancellationToken ct);

    /// <summary>The active session behind a cookie secret, with the user fields a request needs (one query).</summary>
    Task<SessionWithUser?> FindActiveByCookieHashAsync(byte[] cookieSecretHash, DateTime now, CancellationToken ct);

    Task<bool> IsActiveAsync(Guid sessionId, DateTime now, CancellationToken ct);

    Task<IReadOnlyList<Session>> ListActiveAsync(Guid userId, DateTime now, CancellationToken ct);

    /// <summary>Revokes one session (and so its refresh-token family). Returns false if it was not active.</summary>
    Task<bool> RevokeAsync(Guid sessionId, DateTime now, string reason, CancellationToken ct);

    /// <summary>Revokes every active session of a user except <paramref name="keepSessionId"/>; returns how many.</summary>
    Task<int> RevokeAllAsync(Guid userId, Guid? keepSessionId, DateTime now, string reason, CancellationToken ct);

    /// <summary>The refresh token with its session and user state, read in one query (no tracking).</summary>
    Task<RefreshTokenLookup?> FindRefreshTokenAsync(byte[] tokenHash, CancellationToken ct);

    /// <summary>
    /// Reads the refresh token with its session and user and, when it is usable
    /// (<see cref="RefreshTokenLookup.IsUsable"/>) and not rotated yet, marks it rotated and inserts the
    /// successor, atomically: of concurrent calls for one token exactly one rotates it. Null when no token
    /// has this hash. On PostgreSQL this is one statement (one round trip).
    /// </summary>
    Task<RefreshRotationOutcome?> FindAndRotateAsync(byte[] tokenHash, RefreshRotation rotation, CancellationToken ct);

    /// <summary>Active OAuth grants started from a browser session (for RP-initiated and back-channel logout).</summary>
    Task<IReadOnlyList<Session>> ListGrantsOfBrowserSessionAsync(Guid browserSessionId, DateTime now, CancellationToken ct);

    /// <summary>Revokes active grants to one client, of one user (consent withdrawn) or of all (client removed); returns how many.</summary>
    Task<int> RevokeClientGrantsAsync(Guid? userId, Guid clientRowId, DateTime now, string reason, CancellationToken ct);

    /// <summary>Whether a session is active, with its OAuth grant facts, in one read.</summary>
    Task<Session?> FindActiveAsync(Guid sessionId, DateTime now, CancellationToken ct);

    /// <summary>Moves last-activity forward (callers throttle this so it is not a write per request).</summary>
    Task TouchAsync(Guid sessionId, DateTime now, CancellationToken ct);
}

/// <summary>What the refresh path needs, in one read.</summary>
public sealed record RefreshTokenLookup(
    Guid TokenId,
    Guid SessionId,
    DateTime TokenExpiresAt,
    DateTime? RotatedAt,
    DateTime SessionExpiresAt,
    DateTime? SessionRevokedAt,
    TokenSubject Subject,
    OAuthGrantInfo? Grant)
{
    /// <summary>
    /// Whether the token may be refreshed at <paramref name="now"/> by <paramref name="clientRowId"/> (null: first-party):
    /// neither it nor its session expired, the session not revoked, the user enabled, and the family the caller's.
    /// PostgreSQL's one-statement rotation repeats this test in SQL (PostgresRefreshRotation).
    /// </summary>
    public bool IsUsable(DateTime now, Guid? clientRowId) =>
        SessionRevokedAt is null && SessionExpiresAt > now && TokenExpiresAt > now && !Subject.Disabled && Grant?.ClientRowId == clientRowId;
}

/// <summary>The OAuth side of a session that is a client grant (null for first-party sessions).</summary>
public sealed record OAuthGrantInfo(Guid ClientRowId, string Scope, Guid? BrowserSessionId, DateTime? AuthTime)
{
    /// <summary>The administrator who approved the grant while impersonating (see <see cref="Session.ImpersonatorId"/>).</summary>
    public Guid? ActorId { get; init; }

    /// <summary>The grant ends no later than this (the impersonation's end).</summary>
    public DateTime? NotAfter { get; init; }
}

/// <summary>A session together with the user fields a request or token needs.</summary>
public sealed record SessionWithUser(Guid SessionId, DateTime LastActivityAt, DateTime? ElevatedAt, TokenSubject Subject, Guid? ImpersonatorId = null);

/// <summary>
/// The user as tokens and requests see it. The role fields feed tokens that carry Hasura claims; they are
/// read in the same query as the rest, so a refresh stays one read. <see cref="GroupRoles"/> are the Latchkey
/// roles the user holds through groups (space-separated, <see cref="Users.User.GroupRoles"/>).
/// </summary>
public sealed record TokenSubject(
    Guid UserId, string Email, string? Username, string Role, bool Disabled,
    bool IsAnonymous = false, string? DefaultRole = null, string? AllowedRoles = null, string? GroupRoles = null);
