using Latchkey.Core.Common;

namespace Latchkey.Core.Licensing;

/// <summary>
/// What a user may use now: the current license (the newest valid one, else the newest), its entitlements, and
/// for metered features the current period's use against the limit. Checks read the licenses with their plans
/// from the node's <see cref="EntitlementCache"/> and the counters from its <see cref="UsageCounterCache"/> (at most
/// <c>Latchkey:Licensing:UsageCacheAge</c> old, this node's own reports at once); <see cref="CurrentAsync"/>
/// (the license as <c>/licenses/me</c> shows it, seat count included) always reads the database.
/// </summary>
public sealed class EntitlementService(ILicenseStore store, EntitlementCache cache, UsageCounterCache counters, TimeProvider clock)
{
    public static readonly AuthError NoLicense = new(AuthErrorCodes.NotFound, "No license for this account");

    public async Task<Result<LicenseView>> CurrentAsync(Guid userId, CancellationToken ct) => Current(await ReadAsync(userId, ct));

    /// <summary>The current license for entitlement checks, from the cache (its seat count may be a poll behind).</summary>
    public async Task<Result<LicenseView>> CurrentForChecksAsync(Guid userId, CancellationToken ct)
    {
        if (cache.TryGet(userId, out var cached)) return Current(cached);
        var generation = cache.Generation;
        var licenses = await ReadAsync(userId, ct);
        cache.Remember(userId, licenses, generation);
        return Current(licenses);
    }

    private async Task<IReadOnlyList<LicenseEntitlements>> ReadAsync(Guid userId, CancellationToken ct) =>
        [.. (await store.ListForUserAsync(userId, ct)).Select(l => LicenseEntitlements.Of(l.License, l.Plan))];

    private Result<LicenseView> Current(IReadOnlyList<LicenseEntitlements> licenses)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        LicenseView? first = null;
        foreach (var license in licenses)
        {
            var view = license.At(now);
            if (view.Valid) return view;
            first ??= view;
        }
        return first is null ? NoLicense : first;
    }

    /// <summary>Every entitlement of the current license, or just <paramref name="feature"/> (not allowed when the license lacks it).</summary>
    public async Task<Result<IReadOnlyList<EntitlementCheck>>> CheckAsync(Guid userId, string? feature, CancellationToken ct)
    {
        var current = await CurrentForChecksAsync(userId, ct);
        if (!current.IsSuccess)
            return feature is null ? Result<IReadOnlyList<EntitlementCheck>>.Ok([]) : new EntitlementCheck[] { Denied(feature) };
        if (feature is null) return Result<IReadOnlyList<EntitlementCheck>>.Ok(await ChecksAsync(current.Value, ct));
        // One feature: a switch costs no read at all, a metered feature one counter read.
        if (current.Value.Entitlements.FirstOrDefault(e => e.Feature == feature) is not { } wanted) return new[] { Denied(feature) };
        return Result<IReadOnlyList<EntitlementCheck>>.Ok(await ChecksAsync(current.Value with { Entitlements = [wanted] }, ct));
    }

    /// <summary>The license's entitlements with the current period's use of the metered ones.</summary>
    public async Task<IReadOnlyList<EntitlementCheck>> ChecksAsync(LicenseView license, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var metered = license.Entitlements.Where(e => e.Limit is not null).ToList();
        var starts = metered.Select(e => EntitlementPeriods.StartOf(e.Period, now)).Distinct().ToList();
        var usage = metered.Count == 0 ? [] : await UsageAsync(license.License.Id, starts, ct);
        return [.. license.Entitlements.Select(e => Check(license.Valid, e, usage, now))];
    }

    /// <summary>The period counters, from the node's young copy when it has one (<see cref="UsageCounterCache"/>).</summary>
    private async Task<IReadOnlyList<LicenseUsage>> UsageAsync(Guid licenseId, IReadOnlyList<DateTime> starts, CancellationToken ct)
    {
        if (counters.TryGet(licenseId, starts, out var cached)) return cached;
        var readAt = counters.NowTicks;
        var usage = await store.ListUsageAsync(licenseId, starts, ct);
        counters.Remember(licenseId, starts, usage, readAt);
        return usage;
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
