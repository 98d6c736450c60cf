using Latchkey.Core.Admin;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.OAuth.BackChannel;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;

namespace Latchkey.Core.Account;

/// <summary>
/// A person deleting their own account (GDPR Art. 17). The proof is the current password, or for an account
/// without one (passkey or social sign-in only) a recent step-up of the session. Everything goes in one
/// transaction: the account, every row that refers to it (sessions and refresh tokens with them, so no token
/// works afterwards), its activity and its queued mail; what remains is one activity row saying an account
/// was deleted, with no id, address or IP. OAuth clients that held a grant get OpenID Back-Channel Logout, queued in the same transaction.
/// </summary>
public sealed class AccountDeletionService(
    IUserStore users,
    IAccountDataStore data,
    IAdminStore admin,
    PasswordConfirmation confirmation,
    StepUp stepUp,
    AdminGuards guards,
    SessionStateCache sessionState,
    BackChannelLogoutQueue backChannel,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task<Result<Unit>> DeleteAsync(Guid userId, Guid? sessionId, string? currentPassword, RequestContext context, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        if (await ProveAsync(user, sessionId, currentPassword, context, ct) is { } unproven) return unproven;
        if (await guards.LastAdminAsync(user, ct) is { } lastAdmin) return lastAdmin;

        var now = clock.GetUtcNow().UtcDateTime;
        var grants = await admin.ListActiveGrantsAsync(userId, now, ct);
        await unitOfWork.InTransactionAsync(async token =>
        {
            await data.EraseAsync(userId, token);
            // After the erasure: it clears the unit of work's tracked rows.
            await backChannel.EnqueueAsync(userId, grants, token);
            activity.Record(ActivityTypes.UserDeleted, null, RequestContext.Unknown, details: new { by = "self" }, subjectId: userId);
            await unitOfWork.SaveChangesAsync(token);
            return Unit.Value;
        }, ct);
        sessionState.ForgetUser(userId);
        return Unit.Value;
    }

    private async Task<AuthError?> ProveAsync(User user, Guid? sessionId, string? currentPassword, RequestContext context, CancellationToken ct)
    {
        if (user.PasswordHash is not null)
            return await confirmation.CheckAsync(user, currentPassword, ActivityTypes.UserDeleted, context, ct);
        return await stepUp.RequireAsync(sessionId, ct);
    }
}
