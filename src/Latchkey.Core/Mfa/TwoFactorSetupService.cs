using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Mfa;

/// <summary>
/// Enrolling a second factor: setup creates an unconfirmed method with a fresh key; the first right
/// code confirms it, turns 2FA on and, the first time, hands out recovery codes (shown once).
/// </summary>
public sealed class TwoFactorSetupService(
    IUserStore users,
    ITwoFactorStore store,
    TotpSecrets secrets,
    TwoFactorCodeVerifier verifier,
    RecoveryCodeService recoveryCodes,
    FactorChangeFollowUp followUp,
    StepUp stepUp,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<TwoFactorOptions> options,
    IOptions<LatchkeyOptions> latchkey,
    TimeProvider clock)
{
    public async Task<Result<TotpEnrollment>> BeginAsync(Guid userId, Guid? sessionId, string? method, CancellationToken ct)
    {
        if (method is not (null or TwoFactorMethods.Totp))
            return TwoFactorMethods.Documented.Contains(method)
                ? AuthError.Field("method", $"The {method} method is not available on this server")
                : AuthError.Field("method", "method must be one of: totp, email, sms");
        if (await stepUp.RequireAsync(sessionId, ct) is { } stale) return stale;
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");

        var methods = await store.ListMethodsAsync(userId, ct);
        if (methods.Any(m => m.Method == TwoFactorMethods.Totp && m.IsConfirmed))
            return new AuthError(AuthErrorCodes.Conflict, "TOTP is already enabled; disable it before setting it up again");
        foreach (var pending in methods.Where(m => m.Method == TwoFactorMethods.Totp)) store.Remove(pending);

        var key = TotpSecrets.NewKey();
        store.Add(new UserTwoFactorMethod
        {
            Id = Ids.New(),
            UserId = userId,
            Method = TwoFactorMethods.Totp,
            ProtectedSecret = secrets.Protect(key),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await unitOfWork.SaveChangesAsync(ct);
        var issuer = string.IsNullOrWhiteSpace(options.Value.Issuer) ? latchkey.Value.ProductName : options.Value.Issuer;
        return TotpEnrollment.Create(key, issuer, user.Email);
    }

    public async Task<Result<FactorChange>> ConfirmAsync(Guid userId, Guid? sessionId, string? method, string? code, bool signOutOthers, RequestContext context, CancellationToken ct)
    {
        if (method is not (null or TwoFactorMethods.Totp)) return AuthError.Field("method", "Only a TOTP setup can be confirmed here");
        if (string.IsNullOrWhiteSpace(code)) return AuthError.Field("code", "Code is required");
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        var methods = await store.ListMethodsAsync(userId, ct);
        var pending = methods.FirstOrDefault(m => m.Method == TwoFactorMethods.Totp && !m.IsConfirmed);
        if (pending is null) return AuthError.Field("method", "No TOTP setup is in progress; call /api/auth/2fa/setup first");
        if (!await verifier.TryTotpAsync(pending, code.Trim(), ct)) return TwoFactorCodeVerifier.InvalidCode;

        pending.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
        pending.IsDefault = !methods.Any(m => m.IsConfirmed && m.IsDefault && m != pending);
        user.TwoFactorEnabled = true;
        user.UpdatedAt = pending.ConfirmedAt.Value;
        // Codes are handed out once, when the first factor is enabled; later ones keep the existing set.
        var codes = await store.CountUnusedRecoveryCodesAsync(userId, ct) == 0 ? await recoveryCodes.ReplaceAsync(userId, ct) : null;
        activity.Record(ActivityTypes.TwoFactorEnabled, userId, context, details: new { method = TwoFactorMethods.Totp });
        await unitOfWork.SaveChangesAsync(ct);
        return await followUp.FinishAsync(userId, sessionId, signOutOthers, codes, context, ct);
    }
}
