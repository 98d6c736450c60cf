namespace Latchkey.Core.Challenges;

/// <summary>Port for <see cref="AuthChallenge"/> rows. Every method but Add runs at once (set-based).</summary>
public interface IAuthChallengeStore
{
    void Add(AuthChallenge challenge);

    /// <summary>The live challenge with this token hash and kind (not tracked), or null.</summary>
    Task<AuthChallenge?> FindAsync(byte[] tokenHash, string kind, DateTime now, CancellationToken ct);

    /// <summary>Takes one attempt if fewer than <paramref name="maxAttempts"/> were taken; false when none are left.</summary>
    Task<bool> TryTakeAttemptAsync(Guid id, int maxAttempts, CancellationToken ct);

    /// <summary>Deletes the challenge; true only for the one caller that deleted it (single use under races).</summary>
    Task<bool> TryConsumeAsync(Guid id, CancellationToken ct);

    /// <summary>Removes expired rows; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTime now, CancellationToken ct);
}
