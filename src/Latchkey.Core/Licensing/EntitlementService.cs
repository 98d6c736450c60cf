using Latchkey.Core.Common;

namespace Latchkey.Core.Licensing;

/// <summary>
/// What a user may use now: the current license (the newest valid one, else the newest), its entitlements, and
/// for metered features the current period's use against the limit. Two reads: licenses with plans, then counters.
/// </summary>
public sealed class EntitlementService(ILicenseStore store, TimeProvider clock)
{
    public static readonly AuthError NoLicense = new(AuthErrorCodes.NotFound, "No license for this account");

    public async Task<Result<LicenseView>> CurrentAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var views = (await store.ListForUserAsync(userId, ct)).Select(l => LicenseView.At(l.License, l.Plan, now)).ToList();
        return (views.FirstOrDefault(v => v.Valid) ?? views.FirstOrDefault()) is { } current ? current : NoLicense;
    }

    /// <summary>Every entitlement of the current license, or just <paramref name="feature"/> (not allowed when the license lacks it).</summary>
    public async Task<Result<IReadOnlyList<EntitlementCheck>>> CheckAsync(Guid userId, string? feature, CancellationToken ct)
    {
        var current = await CurrentAsync(userId, ct);
        if (!current.IsSuccess)
            return feature is null ? Result<IReadOnlyList<EntitlementCheck>>.Ok([]) : new EntitlementCheck[] { Denied(feature) };
        var checks = await ChecksAsync(current.Value, ct);
        if (feature is null) return Result<IReadOnlyList<EntitlementCheck>>.Ok(checks);
        return new[] { checks.FirstOrDefault(c => c.Feature == feature) ?? Denied(feature) };
    }

    /// <summary>The license's entitlements with the current period's use of the metered ones.</summary>
    public async Task<IReadOnlyList<EntitlementCheck>> ChecksAsync(LicenseView license, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var metered = license.Entitlements.Where(e => e.Limit is not null).ToList();
        var starts = metered.Select(e => EntitlementPeriods.StartOf(e.Period, now)).Distinct().ToList();
        var usage = metered.Count == 0 ? [] : await store.ListUsageAsync(license.License.Id, starts, ct);
        return [.. license.Entitlements.Select(e => Check(license.Valid, e, usage, now))];
    }

    public static EntitlementCheck Check(bool valid, Entitlement e, IReadOnlyList<LicenseUsage> usage, DateTime now)
    {
        if (e.Limit is not { } limit) return new EntitlementCheck(e.Feature, valid, null, null, null, null, null);
        var start = EntitlementPeriods.StartOf(e.Period, now);
        var used = usage.FirstOrDefault(u => u.Feature == e.Feature && u.PeriodStart == start)?.Used ?? 0;
        return new EntitlementCheck(e.Feature, valid && used < limit, limit, used, Math.Max(0, limit - used), e.Period, EntitlementPeriods.EndOf(e.Period, start));
    }

    private static EntitlementCheck Denied(string feature) => new(feature, false, null, null, null, null, null);
}
