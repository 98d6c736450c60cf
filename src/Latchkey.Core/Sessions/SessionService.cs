using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth.BackChannel;

namespace Latchkey.Core.Sessions;

/// <summary>A user's view of their sessions: list, sign out one, sign out the others.</summary>
public sealed class SessionService(
    ISessionStore sessions,
    SessionStateCache sessionState,
    BackChannelLogoutQueue backChannel,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public Task<IReadOnlyList<Session>> ListActiveAsync(Guid userId, CancellationToken ct) =>
        sessions.ListActiveAsync(userId, clock.GetUtcNow().UtcDateTime, ct);

    /// <summary>
    /// Ends a session server-side; its refresh tokens and cookie stop working at once, and the clients it signed in
    /// to get a back-channel logout (queued in the same transaction).
    /// </summary>
    public async Task LogoutAsync(Guid userId, Guid sessionId, RequestContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await unitOfWork.InTransactionAsync(async token =>
        {
            if (await sessions.RevokeAsync(sessionId, now, RevokeReasons.Logout, token))
            {
                await backChannel.EnqueueAsync(userId, await sessions.ListGrantsOfBrowserSessionAsync(sessionId, now, token), token);
                activity.Record(ActivityTypes.Logout, userId, context, details: new { sessionId });
                await unitOfWork.SaveChangesAsync(token);
            }
            return Unit.Value;
        }, ct);
        sessionState.Forget(sessionId);
    }

    /// <summary>Ends one of the user's own active sessions; false when it is not theirs or no longer active (nothing changes).</summary>
    public async Task<bool> RevokeOwnAsync(Guid userId, Guid sessionId, RequestContext context, CancellationToken ct)
    {
        var active = await ListActiveAsync(userId, ct);
        if (!active.Any(s => s.Id == sessionId)) return false;
        await LogoutAsync(userId, sessionId, context, ct);
        return true;
    }

    /// <summary>Ends the session a refresh token belongs to: signing out needs only what the client holds.</summary>
    public async Task<Result<Guid>> LogoutByRefreshTokenAsync(string? refreshToken, RequestContext context, CancellationToken ct)
    {
        if (refreshToken is not { Length: 43 }) return InvalidRefreshToken;
        var found = await sessions.FindRefreshTokenAsync(SecretHash.Sha256(refreshToken), ct);
        if (found is null || found.SessionRevokedAt is not null) return InvalidRefreshToken;
        await LogoutAsync(found.Subject.UserId, found.SessionId, context, ct);
        return found.SessionId;
    }

    private static readonly AuthError InvalidRefreshToken = new(AuthErrorCodes.InvalidRefreshToken, "Invalid or expired refresh token");

    /// <summary>Revokes every session except <paramref name="currentSessionId"/>; returns how many ended.</summary>
    public async Task<int> RevokeOthersAsync(Guid userId, Guid? currentSessionId, RequestContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var count = await unitOfWork.InTransactionAsync(async token =>
        {
            await backChannel.EnqueueAllAsync(userId, now, token, keepSessionId: currentSessionId);
            var revoked = await sessions.RevokeAllAsync(userId, currentSessionId, now, RevokeReasons.RevokeAll, token);
            activity.Record(ActivityTypes.SessionsRevoked, userId, context, details: new { count = revoked });
            await unitOfWork.SaveChangesAsync(token);
            return revoked;
        }, ct);
        sessionState.ForgetUser(userId);
        return count;
    }
}
