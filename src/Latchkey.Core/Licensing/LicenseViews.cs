namespace Latchkey.Core.Licensing;

/// <summary>A license as its holder and the application see it: the status in force now and the merged entitlements.</summary>
public sealed record LicenseView(License License, LicensePlan Plan, string Status, IReadOnlyList<Entitlement> Entitlements)
{
    public bool Valid => LicenseStatuses.IsValid(Status);

    public static LicenseView At(License license, LicensePlan plan, DateTime now) => LicenseEntitlements.Of(license, plan).At(now);
}

/// <summary>
/// A license, its plan and their merged entitlements, parsed once: what <see cref="EntitlementCache"/> holds, so
/// a cached check parses no JSON. The status is not part of it: it depends on the clock and is computed at each read.
/// </summary>
public sealed record LicenseEntitlements(License License, LicensePlan Plan, IReadOnlyList<Entitlement> Entitlements)
{
    public static LicenseEntitlements Of(License license, LicensePlan plan) =>
        new(license, plan, EntitlementJson.Merge(EntitlementJson.Read(plan.Entitlements), EntitlementJson.Read(license.Overrides)));

    public LicenseView At(DateTime now) => new(License, Plan, License.StatusAt(now), Entitlements);
}

/// <summary>One feature checked: allowed (on, and under its limit if metered), and the period's use against the limit.</summary>
public sealed record EntitlementCheck(string Feature, bool Allowed, long? Limit, long? Used, long? Remaining, string? Period, DateTime? PeriodEndsAt);

/// <summary>The answer to a key validation: the license (null for an unknown key) and whether this machine holds a seat.</summary>
public sealed record KeyValidation(LicenseView? License, bool? Activated);

/// <summary>A recorded use: the feature's state after it, and whether it was a retry of an earlier one (counted once).</summary>
public sealed record UsageRecorded(EntitlementCheck Usage, bool Duplicate);
