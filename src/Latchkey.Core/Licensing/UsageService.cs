using Latchkey.Core.Common;

namespace Latchkey.Core.Licensing;

/// <summary>
/// Metered usage that an application's backend reports. On PostgreSQL a report is one statement (PostgresUsageRecord),
/// otherwise the steps below. The idempotency key's row and the counter's increment
/// are one transaction, so a retry counts once and a crash counts nothing; the counter moves by one
/// <c>UPDATE ... SET used = used + n</c>, so parallel reports lose nothing. Going over the limit is recorded and
/// reported (<c>allowed: false</c>, <c>remaining: 0</c>); refusing the work is the application's choice.
/// </summary>
public sealed class UsageService(ILicenseStore store, UsageCounterCache counters, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public const int MaxIdempotencyKeyLength = 200;
    public const long MaxQuantity = 1_000_000_000;

    public async Task<Result<UsageRecorded>> RecordAsync(Guid licenseId, string? feature, long? quantity, string? idempotencyKey, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(feature)) return AuthError.Field("feature", "\"feature\" is required");
        if (quantity is not (>= 1 and <= MaxQuantity)) return AuthError.Field("quantity", $"quantity must be between 1 and {MaxQuantity}");
        if (string.IsNullOrEmpty(idempotencyKey) || idempotencyKey.Length > MaxIdempotencyKeyLength || idempotencyKey.Any(char.IsControl))
            return AuthError.Field("idempotencyKey", $"idempotencyKey is required: 1 to {MaxIdempotencyKeyLength} characters");
        if (await store.FindWithPlanAsync(licenseId, ct) is not var (license, plan)) return new AuthError(AuthErrorCodes.NotFound, "No such license");
        var now = clock.GetUtcNow().UtcDateTime;
        var view = LicenseView.At(license, plan, now);
        if (view.Entitlements.FirstOrDefault(e => e.Feature == feature) is not { Limit: not null } metered)
            return AuthError.Field("feature", $"'{feature}' is not a metered feature of this license");

        var periodStart = EntitlementPeriods.StartOf(metered.Period, now);
        var report = new LicenseUsageEvent { Id = Ids.New(), LicenseId = license.Id, IdempotencyKey = idempotencyKey, Feature = metered.Feature, Quantity = quantity.Value, RecordedAt = now };
        var atOnce = await store.TryRecordUsageAtOnceAsync(report, periodStart, ct);
        if (atOnce is (true, var used))
        {
            // The statement returned the counter it wrote: no read back.
            counters.Recorded(license.Id, metered.Feature, periodStart, used);
            var written = new LicenseUsage { LicenseId = license.Id, Feature = metered.Feature, PeriodStart = periodStart, Used = used };
            return new UsageRecorded(EntitlementService.Check(view.Valid, metered, [written], now), false);
        }
        var duplicate = atOnce is not null || await RecordOnceAsync(report, periodStart, ct);
        var usage = await store.ListUsageAsync(license.Id, [periodStart], ct);
        if (usage.FirstOrDefault(u => u.Feature == metered.Feature) is { } counter) counters.Recorded(license.Id, metered.Feature, periodStart, counter.Used);
        return new UsageRecorded(EntitlementService.Check(view.Valid, metered, usage, now), duplicate);
    }

    /// <summary>Returns true when the key was already recorded. A first use of a period creates its counter; if two
    /// create it at once, one transaction fails on the unique key and is run again (then the row exists).</summary>
    private async Task<bool> RecordOnceAsync(LicenseUsageEvent report, DateTime periodStart, CancellationToken ct)
    {
        var (licenseId, key, feature, quantity) = (report.LicenseId, report.IdempotencyKey, report.Feature, report.Quantity);
        for (var attempt = 0; ; attempt++)
        {
            if (await store.UsageEventExistsAsync(licenseId, key, ct)) return true;
            try
            {
                await unitOfWork.InTransactionAsync(async token =>
                {
                    store.Add(new LicenseUsageEvent { Id = Ids.New(), LicenseId = licenseId, IdempotencyKey = key, Feature = feature, Quantity = quantity, RecordedAt = report.RecordedAt });
                    await unitOfWork.SaveChangesAsync(token);
                    if (!await store.TryIncrementUsageAsync(licenseId, feature, periodStart, quantity, token))
                    {
                        store.Add(new LicenseUsage { LicenseId = licenseId, Feature = feature, PeriodStart = periodStart, Used = quantity });
                        await unitOfWork.SaveChangesAsync(token);
                    }
                    return Unit.Value;
                }, ct);
                return false;
            }
            catch (UniqueConstraintException) when (attempt < 3)
            {
                // The same key recorded at the same moment, or the period's counter created by another request: look again.
            }
        }
    }
}
