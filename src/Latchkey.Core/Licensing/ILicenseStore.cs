namespace Latchkey.Core.Licensing;

/// <summary>Port for plans, licenses, seats and usage. Counters change only through single conditional statements.</summary>
public interface ILicenseStore
{
    void Add(LicensePlan plan);
    void Add(License license);
    Task<IReadOnlyList<LicensePlan>> ListPlansAsync(CancellationToken ct);
    Task<LicensePlan?> FindPlanByCodeAsync(string code, CancellationToken ct);
    Task<LicensePlan?> FindPlanAsync(Guid id, CancellationToken ct);
    /// <summary>A tracked plan, for a change saved by the unit of work.</summary>
    Task<LicensePlan?> FindPlanForUpdateAsync(Guid id, CancellationToken ct);
    /// <summary>A tracked license, or null.</summary>
    Task<License?> FindAsync(Guid id, CancellationToken ct);
    /// <summary>The license with this key hash and its plan, untracked, in one read (the validation hot path).</summary>
    Task<(License License, LicensePlan Plan)?> FindByKeyHashAsync(byte[] keyHash, CancellationToken ct);
    /// <summary>The user's licenses with their plans, newest first.</summary>
    Task<IReadOnlyList<(License License, LicensePlan Plan)>> ListForUserAsync(Guid userId, CancellationToken ct);
    /// <summary>
    /// One page of licenses, newest first, of one user or all, and of one status in force at <paramref name="now"/> or
    /// any (expired derived from the dates as <see cref="License.StatusAt"/> derives it).
    /// </summary>
    Task<(IReadOnlyList<License> Items, int Total)> ListAsync(Guid? userId, string? status, DateTime now, int page, int limit, CancellationToken ct);
    /// <summary>Up to <paramref name="limit"/> licenses, untracked, whose stored status is valid but whose trial or term ended by <paramref name="now"/> and whose expiry was not raised yet.</summary>
    Task<IReadOnlyList<License>> ListLapsedAsync(DateTime now, int limit, CancellationToken ct);
    /// <summary>Marks the expiry raised in one conditional statement; false when another node did it first.</summary>
    Task<bool> TryMarkExpiryNotifiedAsync(Guid licenseId, DateTime now, CancellationToken ct);

    Task<LicenseActivation?> FindActivationAsync(Guid licenseId, string fingerprint, CancellationToken ct);
    /// <summary>Takes a seat if one is free: <c>UPDATE ... SET seats_used = seats_used + 1 WHERE seats_used &lt; seats</c>; false when full.</summary>
    Task<bool> TryTakeSeatAsync(Guid licenseId, CancellationToken ct);
    Task ReleaseSeatAsync(Guid licenseId, CancellationToken ct);
    void Add(LicenseActivation activation);
    void Remove(LicenseActivation activation);

    /// <summary>The license and its plan in one read, untracked.</summary>
    Task<(License License, LicensePlan Plan)?> FindWithPlanAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Records a report in one statement where the database can (PostgreSQL): <c>Recorded</c> false when the key was
    /// recorded before; <c>Used</c> the counter's new value when it was recorded now. Null where it cannot: the caller
    /// then records through <see cref="UsageEventExistsAsync"/>, <see cref="TryIncrementUsageAsync"/> and a transaction.
    /// </summary>
    Task<(bool Recorded, long Used)?> TryRecordUsageAtOnceAsync(LicenseUsageEvent report, DateTime periodStart, CancellationToken ct);

    Task<bool> UsageEventExistsAsync(Guid licenseId, string idempotencyKey, CancellationToken ct);
    void Add(LicenseUsageEvent usageEvent);
    /// <summary>Adds <paramref name="quantity"/> to the period's counter in one statement; false when the counter row does not exist yet.</summary>
    Task<bool> TryIncrementUsageAsync(Guid licenseId, string feature, DateTime periodStart, long quantity, CancellationToken ct);
    void Add(LicenseUsage usage);
    /// <summary>The license's counters of the periods starting at <paramref name="periodStarts"/> (the current ones).</summary>
    Task<IReadOnlyList<LicenseUsage>> ListUsageAsync(Guid licenseId, IReadOnlyCollection<DateTime> periodStarts, CancellationToken ct);
}
