using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Changes a password with the current one as proof, then signs out every other session: whoever
/// knew the old password must not keep a way in.
/// </summary>
public sealed class PasswordChangeService(
    IUserStore users,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    Lockout lockout,
    ISessionStore sessions,
    SessionStateCache sessionState,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<SessionOptions> sessionOptions,
    TimeProvider clock)
{
    public async Task<Result<int>> ChangeAsync(Guid userId, Guid? currentSessionId, string? currentPassword, string? newPassword, RequestContext context, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(currentPassword)) return AuthError.Field("currentPassword", "Current password is required");
        if (string.IsNullOrEmpty(newPassword)) return AuthError.Field("newPassword", "New password is required");

        var user = await users.FindByIdAsync(userId, ct);
        if (user?.PasswordHash is null) return new AuthError(AuthErrorCodes.InvalidCurrentPassword, "Current password is incorrect");
        if (lockout.IsLocked(user)) return new AuthError(AuthErrorCodes.AccountLocked, "Account temporarily locked after too many failed attempts");

        if (hasher.Verify(user.PasswordHash, currentPassword) == PasswordVerification.Failed)
        {
            // Wrong guesses here count toward lockout too: a stolen session must not become a password oracle.
            lockout.RecordFailure(user);
            activity.Record(ActivityTypes.PasswordChanged, user.Id, context, success: false, new { reason = "wrong_current_password" });
            await unitOfWork.SaveChangesAsync(ct);
            return new AuthError(AuthErrorCodes.InvalidCurrentPassword, "Current password is incorrect");
        }
        if (currentPassword == newPassword) return AuthError.Field("newPassword", "The new password must differ from the current one");
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
