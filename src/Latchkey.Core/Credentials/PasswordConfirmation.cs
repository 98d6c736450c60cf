using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Users;

namespace Latchkey.Core.Credentials;

/// <summary>
/// Checks the current password of a signed-in user before a sensitive change (password change,
/// disabling 2FA, elevation). Wrong guesses count toward lockout like sign-in failures: a stolen
/// session must not become a password oracle.
/// </summary>
public sealed class PasswordConfirmation(IPasswordHasher hasher, Lockout lockout, ActivityLog activity, IUnitOfWork unitOfWork)
{
    public static readonly AuthError Wrong = new(AuthErrorCodes.InvalidCurrentPassword, "Current password is incorrect");

    /// <summary>Null when <paramref name="password"/> is the user's; otherwise the error (the failure is saved).</summary>
    public async Task<AuthError?> CheckAsync(User user, string? password, string activityType, RequestContext context, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password)) return AuthError.Field("currentPassword", "Current password is required");
        if (user.PasswordHash is null || password.Length > 4096) return Wrong;
        if (lockout.IsLocked(user)) return new AuthError(AuthErrorCodes.AccountLocked, "Account temporarily locked after too many failed attempts");

        if (await hasher.VerifyAsync(user.PasswordHash, password, ct) != PasswordVerification.Failed) return null;
        lockout.RecordFailure(user);
        activity.Record(activityType, user.Id, context, success: false, new { reason = "wrong_current_password" });
        await unitOfWork.SaveChangesAsync(ct);
        return Wrong;
    }
}
