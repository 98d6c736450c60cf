using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth.BackChannel;
using Latchkey.Core.Sessions;

namespace Latchkey.Core.Admin;

/// <summary>Sessions across all accounts: the paginated list and revoking one.</summary>
public sealed class SessionAdministration(
    IAdminStore admin,
    ISessionStore sessions,
    SessionStateCache sessionState,
    BackChannelLogoutQueue backChannel,
    AdminAudit audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task<Result<Page<Session>>> ListAsync(Guid? userId, int page, int limit, CancellationToken ct)
    {
        if (PageLimits.Validate(page, limit) is { } invalid) return invalid;
        return await admin.ListActiveSessionsAsync(userId, clock.GetUtcNow().UtcDateTime, page, limit, ct);
    }

    public async Task<Result<Unit>> RevokeAsync(Guid sessionId, AdminActor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await sessions.FindActiveAsync(sessionId, now, ct);
        if (session is null) return new AuthError(AuthErrorCodes.NotFound, "No such active session");
        await unitOfWork.InTransactionAsync(async token =>
        {
            await sessions.RevokeAsync(sessionId, now, RevokeReasons.Admin, token);
            // A grant: its client is told; a browser session: every client it signed in to.
            await backChannel.EnqueueAsync(session.UserId,
                session.ClientRowId is null ? await sessions.ListGrantsOfBrowserSessionAsync(sessionId, now, token) : [session], token);
            audit.Record(ActivityTypes.AdminSessionRevoked, actor, session.UserId, new { sessionId });
            await unitOfWork.SaveChangesAsync(token);
            return Unit.Value;
        }, ct);
        sessionState.Forget(sessionId);
        return Unit.Value;
    }
}
