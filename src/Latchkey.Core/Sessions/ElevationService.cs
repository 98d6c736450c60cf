using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Mfa;
using Latchkey.Core.Passkeys;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Core.Sessions;

/// <summary>What a user offers to prove it is still them: one of a password, a 2FA code, or a passkey assertion.</summary>
public sealed record ElevationProof(string? Password, string? Code, string? Method, PasskeyResponse? Passkey);

/// <summary>
/// Renews a session's authentication time (step-up) after a fresh proof. A code or passkey must
/// belong to the session's own user; failures count toward lockout like any other guess.
/// </summary>
public sealed class ElevationService(
    IUserStore users,
    ITwoFactorStore factors,
    PasswordConfirmation passwords,
    TwoFactorCodeVerifier codes,
    PasskeyCeremonies passkeys,
    StepUp stepUp,
    Lockout lockout,
    ActivityLog activity,
    IUnitOfWork unitOfWork)
{
    public async Task<Result<DateTime>> ElevateAsync(Guid userId, Guid sessionId, ElevationProof proof, RequestContext context, HttpContext http, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");

        var (method, error) = await CheckAsync(user, proof, context, http, ct);
        if (error is not null) return error;

        var until = await stepUp.ElevateAsync(sessionId, ct);
        if (until is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        activity.Record(ActivityTypes.SessionElevated, userId, context, details: new { method, sessionId });
        await unitOfWork.SaveChangesAsync(ct);
        return until.Value;
    }

    private async Task<(string Method, AuthError? Error)> CheckAsync(User user, ElevationProof proof, RequestContext context, HttpContext http, CancellationToken ct)
    {
        if (proof.Passkey is { } passkey)
        {
            var asserted = await passkeys.FinishAssertionAsync(passkey.ChallengeToken, passkey.CredentialJson, http, ct);
            if (!asserted.IsSuccess) return (AuthMethods.Passkey, asserted.Error);
            return asserted.Value.User.Id == user.Id
                ? (AuthMethods.Passkey, null)
                : (AuthMethods.Passkey, new AuthError(AuthErrorCodes.PasskeyRejected, "This passkey belongs to another account"));
        }
        if (!string.IsNullOrEmpty(proof.Password))
            return (AuthMethods.Password, await passwords.CheckAsync(user, proof.Password, ActivityTypes.SessionElevated, context, ct));
        if (!string.IsNullOrWhiteSpace(proof.Code))
        {
            if (lockout.IsLocked(user)) return ("code", new AuthError(AuthErrorCodes.AccountLocked, "Account temporarily locked after too many failed attempts"));
            var verified = await codes.VerifyAsync(user, await factors.ListMethodsAsync(user.Id, ct), proof.Method, proof.Code, ct);
            if (verified.IsSuccess) return (verified.Value, null);
            if (verified.Error.Code == AuthErrorCodes.InvalidCode)
            {
                lockout.RecordFailure(user);
                activity.Record(ActivityTypes.SessionElevated, user.Id, context, success: false, new { reason = "wrong_code" });
                await unitOfWork.SaveChangesAsync(ct);
            }
            return (proof.Method ?? "code", verified.Error);
        }
        return ("none", AuthError.Validation("Provide one of: password, code, or passkey"));
    }
}
