using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Changes a password, then signs out every other session: whoever knew the old password must not
/// keep a way in. The proof is the current password or, without it, a recent authentication of the
/// session (step-up) — the only way for an account that signed in with a passkey and forgot it.
/// </summary>
public sealed class PasswordChangeService(
    IUserStore users,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    PasswordConfirmation confirmation,
    StepUp stepUp,
    Lockout lockout,
    ISessionStore sessions,
    SessionStateCache sessionState,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task<Result<int>> ChangeAsync(Guid userId, Guid? currentSessionId, string? currentPassword, string? newPassword, RequestContext context, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(newPassword)) return AuthError.Field("newPassword", "New password is required");

        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return PasswordConfirmation.Wrong;
        if (string.IsNullOrEmpty(currentPassword))
        {
            if (await stepUp.RequireAsync(currentSessionId, ct) is { } stale) return stale;
        }
        else
        {
            if (await confirmation.CheckAsync(user, currentPassword, ActivityTypes.PasswordChanged, context, ct) is { } wrong) return wrong;
            if (currentPassword == newPassword) return AuthError.Field("newPassword", "The new password must differ from the current one");
        }

        var check = await policy.CheckAsync(newPassword, [user.Email, user.FirstName ?? "", user.LastName ?? ""], ct);
        if (!check.IsSuccess) return check.Error;

        var now = clock.GetUtcNow().UtcDateTime;
        user.PasswordHash = hasher.Hash(newPassword);
        user.PasswordChangedAt = now;
        user.UpdatedAt = now;
        lockout.RecordSuccess(user);

        var revoked = await unitOfWork.InTransactionAsync(async token =>
        {
            var count = await sessions.RevokeAllAsync(user.Id, currentSessionId, now, RevokeReasons.PasswordChanged, token);
            activity.Record(ActivityTypes.PasswordChanged, user.Id, context, details: new { otherSessionsRevoked = count });
            await unitOfWork.SaveChangesAsync(token);
            return count;
        }, ct);
        sessionState.ForgetUser(user.Id);
        return revoked;
    }
}
