using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Mfa;

/// <summary>
/// Enrolling a second factor: setup creates an unconfirmed method (TOTP: with a fresh key; email or
/// SMS: and sends a code); the first right code confirms it, turns 2FA on and, the first time, hands out
/// recovery codes (shown once).
/// </summary>
public sealed class TwoFactorSetupService(
    IUserStore users,
    ITwoFactorStore store,
    TotpSecrets secrets,
    TwoFactorCodeVerifier verifier,
    TwoFactorCodeSender sender,
    RecoveryCodeService recoveryCodes,
    FactorChangeFollowUp followUp,
    StepUp stepUp,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<TwoFactorOptions> options,
    IOptions<LatchkeyOptions> latchkey,
    TimeProvider clock)
{
    private static readonly AuthError UnknownMethod = AuthError.Field("method", "method must be one of: totp, email, sms");

    /// <summary>Starts enrolling <paramref name="method"/> (default TOTP); the TOTP enrollment is null for email and SMS.</summary>
    public async Task<Result<TotpEnrollment?>> BeginAsync(Guid userId, Guid? sessionId, string? method, RequestContext context, CancellationToken ct)
    {
        method ??= TwoFactorMethods.Totp;
        if (!TwoFactorMethods.Enableable.Contains(method)) return UnknownMethod;
        if (await stepUp.RequireAsync(sessionId, ct) is { } stale) return stale;
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");

        var methods = await store.ListMethodsAsync(userId, ct);
        if (methods.Any(m => m.Method == method && m.IsConfirmed))
            return new AuthError(AuthErrorCodes.Conflict, $"The {method} method is already enabled; disable it before setting it up again");
        foreach (var pending in methods.Where(m => m.Method == method)) store.Remove(pending);

        var key = method == TwoFactorMethods.Totp ? TotpSecrets.NewKey() : null;
        store.Add(new UserTwoFactorMethod
        {
            Id = Ids.New(),
            UserId = userId,
            Method = method,
            ProtectedSecret = key is null ? null : secrets.Protect(key),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        if (key is null && await sender.SendAsync(user, method, context, ct) is { } unreachable) return unreachable;
        await unitOfWork.SaveChangesAsync(ct);
        if (key is null) return Result<TotpEnrollment?>.Ok(null);
        var issuer = string.IsNullOrWhiteSpace(options.Value.Issuer) ? latchkey.Value.ProductName : options.Value.Issuer;
        return TotpEnrollment.Create(key, issuer, user.Email);
    }

    public async Task<Result<FactorChange>> ConfirmAsync(Guid userId, Guid? sessionId, string? method, string? code, bool signOutOthers, RequestContext context, CancellationToken ct)
    {
        method ??= TwoFactorMethods.Totp;
        if (!TwoFactorMethods.Enableable.Contains(method)) return UnknownMethod;
        if (string.IsNullOrWhiteSpace(code)) return AuthError.Field("code", "Code is required");
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        var methods = await store.ListMethodsAsync(userId, ct);
        var pending = methods.FirstOrDefault(m => m.Method == method && !m.IsConfirmed);
        if (pending is null) return AuthError.Field("method", $"No {method} setup is in progress; call /api/auth/2fa/setup first");
        var passed = method == TwoFactorMethods.Totp
            ? await verifier.TryTotpAsync(pending, code.Trim(), ct)
            : await sender.RedeemAsync(user, method, code.Trim(), ct);
        if (!passed) return TwoFactorCodeVerifier.InvalidCode;

        pending.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
        pending.IsDefault = !methods.Any(m => m.IsConfirmed && m.IsDefault && m != pending);
        user.TwoFactorEnabled = true;
        user.UpdatedAt = pending.ConfirmedAt.Value;
        // Codes are handed out once, when the first factor is enabled; later ones keep the existing set.
        var codes = await store.CountUnusedRecoveryCodesAsync(userId, ct) == 0 ? await recoveryCodes.ReplaceAsync(userId, ct) : null;
        activity.Record(ActivityTypes.TwoFactorEnabled, userId, context, details: new { method });
        await unitOfWork.SaveChangesAsync(ct);
        return await followUp.FinishAsync(userId, sessionId, signOutOthers, codes, context, ct);
    }
}
