namespace Latchkey.Core.Mfa;

/// <summary>Port for second factors and recovery codes.</summary>
public interface ITwoFactorStore
{
    /// <summary>Tracked rows of the user's methods (confirmed or not).</summary>
    Task<IReadOnlyList<UserTwoFactorMethod>> ListMethodsAsync(Guid userId, CancellationToken ct);

    void Add(UserTwoFactorMethod method);
    void Remove(UserTwoFactorMethod method);

    /// <summary>
    /// Records <paramref name="step"/> as used, only if it is newer than the stored one: of two
    /// requests racing with the same code, exactly one wins. Runs at once.
    /// </summary>
    Task<bool> TryUseTimeStepAsync(Guid methodId, long step, CancellationToken ct);

    Task<int> CountUnusedRecoveryCodesAsync(Guid userId, CancellationToken ct);

    /// <summary>Marks the matching unused code used (at once); false when there is none.</summary>
    Task<bool> TryUseRecoveryCodeAsync(Guid userId, byte[] codeHash, DateTime now, CancellationToken ct);

    /// <summary>Deletes every recovery code of the user (at once) and adds the new ones to the unit of work.</summary>
    Task ReplaceRecoveryCodesAsync(Guid userId, IEnumerable<RecoveryCode> codes, CancellationToken ct);

    Task DeleteRecoveryCodesAsync(Guid userId, CancellationToken ct);
}
