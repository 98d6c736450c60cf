using Latchkey.Core.ApiKeys;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth.BackChannel;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Changes a password, then signs out every other session: whoever knew the old password must not
/// keep a way in (API keys stay unless <see cref="ApiKeyOptions.RevokeOnPasswordChange"/> says otherwise). The proof is the current password or, without it, a recent authentication of the
/// session (step-up) — the only way for an account that signed in with a passkey and forgot it.
/// </summary>
public sealed class PasswordChangeService(
    IUserStore users,
    BackChannelLogoutQueue backChannel,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    PasswordConfirmation confirmation,
    StepUp stepUp,
    Lockout lockout,
    ISessionStore sessions,
    SessionStateCache sessionState,
    ApiKeyRevocation apiKeys,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<SessionOptions> sessionOptions,
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
        return await SetAsync(user, currentSessionId, newPassword, context, ct);
    }

    /// <summary>
    /// Sets a new password without the current one, for a session that signed in (or was elevated) within
    /// <see cref="SessionOptions.RecentSignInWindow"/>: proof enough that the person at the keyboard is the
    /// user, and no way for a long-lived stolen token to take the account over. Guests have no password to set.
    /// </summary>
    public async Task<Result<int>> ChangeWithRecentSignInAsync(Guid userId, Guid sessionId, string? newPassword, RequestContext context, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(newPassword)) return AuthError.Field("newPassword", "New password is required");
        var session = await sessions.FindAsync(sessionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (session is null || session.UserId != userId || !session.IsActive(now))
            return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        if (session.ElevatedAt is not { } elevated || now - elevated > sessionOptions.Value.RecentSignInWindow)
            return new AuthError(AuthErrorCodes.ElevationRequired, "Sign in again to change the password");

        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        if (user.IsAnonymous) return new AuthError(AuthErrorCodes.AnonymousForbidden, "Anonymous users cannot set a password; deanonymize first");
        return await SetAsync(user, sessionId, newPassword, context, ct);
    }

    private async Task<Result<int>> SetAsync(User user, Guid? currentSessionId, string newPassword, RequestContext context, CancellationToken ct)
    {
        var check = await policy.CheckAsync(newPassword, [user.Email, user.FirstName ?? "", user.LastName ?? ""], ct);
        if (!check.IsSuccess) return check.Error;

        var now = clock.GetUtcNow().UtcDateTime;
        user.PasswordHash = await hasher.HashAsync(newPassword, ct);
        user.PasswordChangedAt = now;
        user.UpdatedAt = now;
        lockout.RecordSuccess(user);

        var revoked = await unitOfWork.InTransactionAsync(async token =>
        {
            await backChannel.EnqueueAllAsync(user.Id, now, token, keepSessionId: currentSessionId);
            var count = await sessions.RevokeAllAsync(user.Id, currentSessionId, now, RevokeReasons.PasswordChanged, token);
            var keys = await apiKeys.AfterPasswordChangeAsync(user, context, token);
            activity.Record(ActivityTypes.PasswordChanged, user.Id, context, details: new { otherSessionsRevoked = count, apiKeysRevoked = keys });
            await unitOfWork.SaveChangesAsync(token);
            return count;
        }, ct);
        sessionState.ForgetUser(user.Id);
        return revoked;
    }
}
