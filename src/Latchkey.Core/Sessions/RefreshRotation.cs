namespace Latchkey.Core.Sessions;

/// <summary>
/// What one refresh asks the store to do: rotate the presented token into the successor described here,
/// if the token is usable by <see cref="ClientRowId"/> at <see cref="Now"/> and not rotated yet.
/// The successor lapses at <see cref="IdleExpiry"/> or when its session ends, whichever comes first. With
/// <see cref="WithUser"/> the store also returns the account's profile columns where it can do so in the same
/// statement (PostgreSQL), for surfaces whose refresh answer shows the user (Nhost).
/// </summary>
public sealed record RefreshRotation(Guid? ClientRowId, DateTime Now, Guid SuccessorId, byte[] SuccessorHash, DateTime IdleExpiry, bool WithUser = false)
{
    /// <summary>The successor row for the token that <paramref name="found"/> describes.</summary>
    public RefreshToken SuccessorOf(RefreshTokenLookup found) => new()
    {
        Id = SuccessorId,
        SessionId = found.SessionId,
        UserId = found.Subject.UserId,
        TokenHash = SuccessorHash,
        CreatedAt = Now,
        ExpiresAt = IdleExpiry < found.SessionExpiresAt ? IdleExpiry : found.SessionExpiresAt,
    };
}

/// <summary>
/// The token as read, and whether this call rotated it. Not rotated with <see cref="RefreshTokenLookup.RotatedAt"/>
/// still null means a concurrent refresh of the same token rotated it between the read and the write.
/// </summary>
/// <see cref="User"/>: when asked for (<see cref="RefreshRotation.WithUser"/>) and read in the same statement, the account
/// as a detached, display-only entity holding the columns a session answer shows (no credentials, no lockout state).
/// </summary>
public sealed record RefreshRotationOutcome(RefreshTokenLookup Found, bool Rotated, Users.User? User = null);
