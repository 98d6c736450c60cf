using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Users;

namespace Latchkey.Core.Mfa;

/// <summary>A user's second factors once enrolled: status, default method, disabling one.</summary>
public sealed class TwoFactorManagementService(
    IUserStore users,
    ITwoFactorStore store,
    PasswordConfirmation confirmation,
    TwoFactorCodeVerifier verifier,
    FactorChangeFollowUp followUp,
    TwoFactorCodeSender sender,
    Lockout lockout,
    ActivityLog activity,
    IUnitOfWork unitOfWork)
{
    public async Task<TwoFactorStatus> StatusAsync(User user, CancellationToken ct)
    {
        var confirmed = (await store.ListMethodsAsync(user.Id, ct)).Where(m => m.IsConfirmed).ToList();
        var remaining = user.TwoFactorEnabled ? await store.CountUnusedRecoveryCodesAsync(user.Id, ct) : 0;
        return new TwoFactorStatus(user.TwoFactorEnabled, confirmed.Select(m => m.Method).ToList(),
            confirmed.FirstOrDefault(m => m.IsDefault)?.Method, remaining);
    }

    /// <summary>Disables one method after checking the current password (the seed's rule; it is also a fresh authentication).</summary>
    public async Task<Result<FactorChange>> DisableAsync(Guid userId, Guid? sessionId, string? method, string? password, bool signOutOthers, RequestContext context, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(method)) return AuthError.Field("method", "method is required");
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        if (await confirmation.CheckAsync(user, password, ActivityTypes.TwoFactorDisabled, context, ct) is { } wrong) return wrong;

        return await RemoveAsync(user, await store.ListMethodsAsync(userId, ct), method, sessionId, signOutOthers, context, ct);
    }

    /// <summary>
    /// Disables one method after a current code of that method (Nhost's rule: whoever can produce a code may
    /// switch it off). A wrong code is logged and counts toward the account lockout, like a wrong sign-in code.
    /// </summary>
    public async Task<Result<FactorChange>> DisableWithCodeAsync(Guid userId, Guid? sessionId, string method, string? code, RequestContext context, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        if (lockout.IsLocked(user)) return new AuthError(AuthErrorCodes.AccountLocked, "Account temporarily locked after too many failed attempts");
        var methods = await store.ListMethodsAsync(userId, ct);
        var verified = await verifier.VerifyAsync(user, methods, method, code, ct);
        if (!verified.IsSuccess)
        {
            if (verified.Error.Code != AuthErrorCodes.InvalidCode) return verified.Error;
            lockout.RecordFailure(user);
            activity.Record(ActivityTypes.TwoFactorFailed, userId, context, success: false, new { method, purpose = "disable" });
            await unitOfWork.SaveChangesAsync(ct);
            return verified.Error;
        }
        return await RemoveAsync(user, methods, method, sessionId, signOutOthers: false, context, ct);
    }

    private async Task<Result<FactorChange>> RemoveAsync(
        User user, IReadOnlyList<UserTwoFactorMethod> methods, string method, Guid? sessionId, bool signOutOthers, RequestContext context, CancellationToken ct)
    {
        var userId = user.Id;
        var target = methods.FirstOrDefault(m => m.Method == method && m.IsConfirmed);
        if (target is null) return AuthError.Field("method", $"The {method} method is not enabled");
        store.Remove(target);
        var remaining = methods.Where(m => m.IsConfirmed && m != target).ToList();
        if (remaining.Count == 0)
        {
            user.TwoFactorEnabled = false;
            await store.DeleteRecoveryCodesAsync(userId, ct);
        }
        else if (target.IsDefault)
        {
            remaining[0].IsDefault = true;
        }
        activity.Record(ActivityTypes.TwoFactorDisabled, userId, context, details: new { method, twoFactorEnabled = user.TwoFactorEnabled });
        await unitOfWork.SaveChangesAsync(ct);
        return await followUp.FinishAsync(userId, sessionId, signOutOthers, null, context, ct);
    }

    /// <summary>A signed-in user's code: to confirm an email/SMS setup, or for step-up with an enabled one.</summary>
    public async Task<Result<string>> SendCodeAsync(Guid userId, string? method, RequestContext context, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        var sent = await sender.SendForAsync(user, await store.ListMethodsAsync(userId, ct), method, includePending: true, context, ct);
        if (sent.IsSuccess) await unitOfWork.SaveChangesAsync(ct);
        return sent;
    }

    public async Task<Result<string>> SetDefaultAsync(Guid userId, string? method, RequestContext context, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(method)) return AuthError.Field("method", "method is required");
        var methods = await store.ListMethodsAsync(userId, ct);
        var target = methods.FirstOrDefault(m => m.Method == method && m.IsConfirmed);
        if (target is null) return AuthError.Field("method", $"The {method} method is not enabled");
        foreach (var m in methods) m.IsDefault = m == target;
        activity.Record(ActivityTypes.TwoFactorDefaultChanged, userId, context, details: new { method });
        await unitOfWork.SaveChangesAsync(ct);
        return method;
    }
}

public sealed record TwoFactorStatus(bool Enabled, IReadOnlyList<string> Methods, string? DefaultMethod, int RecoveryCodesRemaining);
