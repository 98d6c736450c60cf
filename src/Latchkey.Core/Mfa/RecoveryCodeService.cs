using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;

namespace Latchkey.Core.Mfa;

/// <summary>Recovery codes: a fresh set replaces the old one entirely; the clear codes are returned once.</summary>
public sealed class RecoveryCodeService(
    IUserStore users,
    ITwoFactorStore store,
    StepUp stepUp,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    /// <summary>Deletes the old set at once and adds the new one to the unit of work (the caller saves).</summary>
    public async Task<IReadOnlyList<string>> ReplaceAsync(Guid userId, CancellationToken ct)
    {
        var codes = RecoveryCodes.Generate();
        var now = clock.GetUtcNow().UtcDateTime;
        await store.ReplaceRecoveryCodesAsync(userId,
            codes.Select(code => new RecoveryCode { Id = Ids.New(), UserId = userId, CodeHash = RecoveryCodes.Hash(code), CreatedAt = now }), ct);
        return codes;
    }

    public async Task<Result<IReadOnlyList<string>>> RegenerateAsync(Guid userId, Guid? sessionId, RequestContext context, CancellationToken ct)
    {
        if (await stepUp.RequireAsync(sessionId, ct) is { } stale) return stale;
        var user = await users.FindByIdAsync(userId, ct);
        if (user is not { TwoFactorEnabled: true }) return AuthError.Validation("Two-factor authentication is not enabled");
        return await unitOfWork.InTransactionAsync(async token =>
        {
            var codes = await ReplaceAsync(userId, token);
            activity.Record(ActivityTypes.RecoveryCodesGenerated, userId, context, details: new { count = codes.Count });
            await unitOfWork.SaveChangesAsync(token);
            return Result<IReadOnlyList<string>>.Ok(codes);
        }, ct);
    }

    public Task<int> RemainingAsync(Guid userId, CancellationToken ct) => store.CountUnusedRecoveryCodesAsync(userId, ct);
}
