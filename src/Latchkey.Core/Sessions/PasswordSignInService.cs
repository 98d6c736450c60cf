using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Mfa;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;

namespace Latchkey.Core.Sessions;

/// <summary>
/// Sign-in with a login (email or username) and a password. Unknown accounts and wrong passwords get
/// the same error after the same amount of hashing work, so neither the answer nor its timing tells
/// whether an account exists. Guessing is slowed per login and client by <see cref="SignInThrottle"/>,
/// which counts unknown logins exactly like known ones; an account's own lock (wrong second-factor
/// codes, an administrator) is told only after the right password.
/// </summary>
public sealed class PasswordSignInService(
    IUserStore users,
    IPasswordHasher hasher,
    Lockout lockout,
    SignInThrottle throttle,
    SignUpPolicy signUp,
    SessionIssuer sessions,
    TwoFactorLoginService twoFactor,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    private static readonly AuthError InvalidCredentials = new(AuthErrorCodes.InvalidCredentials, "Invalid credentials");

    public async Task<Result<SignInOutcome>> SignInAsync(string? login, string? password, string sessionKind, RequestContext context, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(password))
            return AuthError.Validation("Login and password are required");
        if (login.Length > UserNormalizer.MaxEmailLength || password.Length > 4096)
            return InvalidCredentials;

        var normalized = UserNormalizer.NormalizeEmail(login);
        if (throttle.RefusedUntil(normalized, context) is not null)
        {
            // Refused before the account is looked up: the same answer, at the same cost, whether it exists or not.
            activity.Record(ActivityTypes.LoginFailed, null, context, success: false, new { reason = "throttled" });
            await unitOfWork.SaveChangesAsync(ct);
            return SignInThrottle.Refused;
        }

        var user = await users.FindByLoginAsync(normalized, ct);
        if (user?.PasswordHash is null)
        {
            await hasher.VerifyDummyAsync(password, ct);
            throttle.RecordFailure(normalized, context);
            activity.Record(ActivityTypes.LoginFailed, user?.Id, context, success: false, new { reason = "unknown_account" });
            await unitOfWork.SaveChangesAsync(ct);
            return InvalidCredentials;
        }

        var verification = await hasher.VerifyAsync(user.PasswordHash, password, ct);
        if (verification == PasswordVerification.Failed)
        {
            throttle.RecordFailure(normalized, context);
            activity.Record(ActivityTypes.LoginFailed, user.Id, context, success: false, new { reason = "wrong_password" });
            await unitOfWork.SaveChangesAsync(ct);
            return InvalidCredentials;
        }
        throttle.RecordSuccess(normalized, context);

        if (lockout.IsLocked(user))
        {
            activity.Record(ActivityTypes.LoginFailed, user.Id, context, success: false, new { reason = "locked" });
            await unitOfWork.SaveChangesAsync(ct);
            return LockedError(user);
        }

        if (user.Disabled)
        {
            activity.Record(ActivityTypes.LoginFailed, user.Id, context, success: false, new { reason = "disabled" });
            await unitOfWork.SaveChangesAsync(ct);
            return new AuthError(AuthErrorCodes.AccountDisabled, "This account is disabled");
        }

        if (signUp.RequireEmailVerification && !user.EmailVerified)
        {
            // Said only after the right password, so it tells nothing to someone guessing.
            activity.Record(ActivityTypes.LoginFailed, user.Id, context, success: false, new { reason = "email_not_verified" });
            await unitOfWork.SaveChangesAsync(ct);
            return new AuthError(AuthErrorCodes.EmailNotVerified, "Verify your email address before signing in");
        }

        // Imported bcrypt/PBKDF2 hashes and Argon2id hashes with old parameters are upgraded now,
        // the only moment the clear password is at hand.
        if (verification == PasswordVerification.SuccessRehashNeeded) user.PasswordHash = await hasher.HashAsync(password, ct);

        if (user.TwoFactorEnabled)
        {
            // The failure count is reset only when the second factor passes: a known password must
            // not buy an attacker fresh code guesses with every new challenge.
            var challenge = await twoFactor.BeginAsync(user, sessionKind, AuthMethods.Password, ct);
            await unitOfWork.SaveChangesAsync(ct);
            return new SignInOutcome(null, challenge);
        }
        lockout.RecordSuccess(user);

        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        var issued = sessions.Start(user, sessionKind, AuthMethods.Password, context);
        activity.Record(ActivityTypes.LoginSucceeded, user.Id, context, details: new { method = AuthMethods.Password, sessionId = issued.SessionId });
        await unitOfWork.SaveChangesAsync(ct);
        return new SignInOutcome(issued, null);
    }

    private AuthError LockedError(User user)
    {
        var until = lockout.LockedUntil(user);
        var details = until is null ? null : new Dictionary<string, string> { ["lockedUntil"] = until.Value.ToString("O") };
        return new AuthError(AuthErrorCodes.AccountLocked, "Account temporarily locked after too many failed sign-ins", details);
    }
}
