using System.Text.Json;

namespace Latchkey.Core.Licensing;

/// <summary>
/// One thing a plan grants: a feature code, and for metered features a limit per period (<c>api_calls: 100000
/// per month</c>). A feature without a limit is simply on. Seats are not an entitlement: a license carries its seat count.
/// </summary>
public sealed record Entitlement(string Feature, long? Limit = null, string? Period = null);

public static class EntitlementPeriods
{
    public const string Month = "month";
    /// <summary>For the life of the license (never resets).</summary>
    public const string Total = "total";

    public static readonly IReadOnlyList<string> All = [Month, Total];

    /// <summary>The start of the usage period containing <paramref name="now"/>: month periods start on the 1st, 00:00 UTC.</summary>
    public static DateTime StartOf(string? period, DateTime now) =>
        period == Month ? new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc) : DateTime.UnixEpoch;

    public static DateTime? EndOf(string? period, DateTime start) => period == Month ? start.AddMonths(1) : null;
}

/// <summary>Entitlements as stored with a plan or as a license's overrides: a JSON array.</summary>
public static class EntitlementJson
{
    public static string Write(IReadOnlyList<Entitlement> entitlements) => JsonSerializer.Serialize(entitlements, JsonSerializerOptions.Web);

    public static IReadOnlyList<Entitlement> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<Entitlement>>(json, JsonSerializerOptions.Web) ?? [];

    /// <summary>The plan's entitlements with a license's overrides applied (an override replaces the feature's entry).</summary>
    public static IReadOnlyList<Entitlement> Merge(IReadOnlyList<Entitlement> plan, IReadOnlyList<Entitlement> overrides) =>
        overrides.Count == 0 ? plan
        : [.. plan.Where(p => overrides.All(o => o.Feature != p.Feature)), .. overrides];
}
