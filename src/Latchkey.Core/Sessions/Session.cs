namespace Latchkey.Core.Sessions;

/// <summary>
/// One sign-in on one device. Its refresh tokens form a family: reuse of a rotated token revokes
/// the session and so every token of the family at once.
/// </summary>
public sealed class Session
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    /// <summary>"cookie" for first-party browser sessions, "bearer" for API clients.</summary>
    public required string Kind { get; set; }
    /// <summary>SHA-256 of the cookie secret (cookie sessions only).</summary>
    public byte[]? CookieSecretHash { get; set; }
    public required string AuthMethod { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public string DeviceType { get; set; } = "unknown";
    public DateTime CreatedAt { get; set; }
    public DateTime LastActivityAt { get; set; }
    /// <summary>Absolute end: no refresh or cookie use extends a session past it.</summary>
    public DateTime ExpiresAt { get; set; }
    public DateTime? ElevatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }

    // OAuth grants (Kind "oauth"): the client, the granted scope, the browser session that approved it
    // (the id token's sid, for back-channel logout) and when the user authenticated (auth_time).
    public Guid? ClientRowId { get; set; }
    public string? Scope { get; set; }
    public Guid? BrowserSessionId { get; set; }
    public DateTime? AuthTime { get; set; }

    /// <summary>
    /// The administrator acting as this user (an impersonation session, or an OAuth grant approved during one):
    /// the RFC 8693 <c>act</c> of what it mints, the actor of its activity rows, and the mark that refuses sensitive actions.
    /// </summary>
    public Guid? ImpersonatorId { get; set; }

    public bool IsActive(DateTime now) => RevokedAt is null && ExpiresAt > now;
}
