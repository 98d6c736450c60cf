using Latchkey.Core.Common;
using Latchkey.Core.Users;

namespace Latchkey.Core.Mfa;

/// <summary>
/// Checks a second-factor code against a user's confirmed methods: a TOTP code (each time step usable
/// once), an emailed or texted code (each sent code usable once) or a recovery code (each usable once).
/// Shared by the login challenge, elevation and setup.
/// </summary>
public sealed class TwoFactorCodeVerifier(ITwoFactorStore store, TotpSecrets secrets, TwoFactorCodeSender sent, TimeProvider clock)
{
    public static readonly AuthError InvalidCode = new(AuthErrorCodes.InvalidCode, "Invalid or expired code");

    /// <summary>The method the code passed with, or the error. <paramref name="method"/> may be omitted: the code's shape decides.</summary>
    public async Task<Result<string>> VerifyAsync(User user, IReadOnlyList<UserTwoFactorMethod> methods, string? method, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return AuthError.Field("code", "Code is required");
        code = code.Trim();
        method ??= RecoveryCodes.LooksLikeCode(code)
            ? TwoFactorMethods.Recovery
            : methods.FirstOrDefault(m => m.IsConfirmed && m.IsDefault)?.Method ?? TwoFactorMethods.Totp;
        switch (method)
        {
            case TwoFactorMethods.Totp:
                var totp = methods.FirstOrDefault(m => m.Method == TwoFactorMethods.Totp && m.IsConfirmed);
                if (totp is null) return AuthError.Field("method", "TOTP is not enabled for this account");
                return await TryTotpAsync(totp, code, ct) ? TwoFactorMethods.Totp : InvalidCode;
            case TwoFactorMethods.Recovery:
                if (!RecoveryCodes.LooksLikeCode(code)) return InvalidCode;
                var used = await store.TryUseRecoveryCodeAsync(user.Id, RecoveryCodes.Hash(code), clock.GetUtcNow().UtcDateTime, ct);
                return used ? TwoFactorMethods.Recovery : InvalidCode;
            case TwoFactorMethods.Email or TwoFactorMethods.Sms:
                if (!methods.Any(m => m.Method == method && m.IsConfirmed)) return AuthError.Field("method", $"The {method} method is not enabled for this account");
                return await sent.RedeemAsync(user, method, code, ct) ? method : InvalidCode;
            default:
                return AuthError.Field("method", "method must be one of: totp, email, sms, recovery");
        }
    }

    /// <summary>True when <paramref name="code"/> is current for <paramref name="method"/> and its time step was not used before.</summary>
    public async Task<bool> TryTotpAsync(UserTwoFactorMethod method, string? code, CancellationToken ct)
    {
        var key = secrets.Unprotect(method.ProtectedSecret!);
        var step = Totp.Match(key, code, clock.GetUtcNow(), method.LastUsedTimeStep);
        if (step is null || !await store.TryUseTimeStepAsync(method.Id, step.Value, ct)) return false;
        method.LastUsedTimeStep = step;
        return true;
    }
}
