using System.Text.RegularExpressions;
using Latchkey.Core.Common;

namespace Latchkey.Core.Licensing;

/// <summary>A plan as an administrator defines it.</summary>
public sealed record PlanDraft(string? Code, string? Name, IReadOnlyList<Entitlement>? Entitlements, int? Seats, int? DurationDays, int? TrialDays);

/// <summary>The rules a plan (and a license's overrides) must meet, each failure naming its field.</summary>
public static partial class PlanDraftValidator
{
    public const int MaxEntitlements = 50;
    public const int MaxSeats = 1_000_000;

    public static AuthError? Validate(PlanDraft draft) =>
        draft.Code is null || !CodePattern().IsMatch(draft.Code) ? AuthError.Field("code", "code must be 1 to 64 of a-z, 0-9, _ and -")
        : string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 100 || draft.Name.Any(char.IsControl) ? AuthError.Field("name", "name must be 1 to 100 characters")
        : draft.Seats is < 1 or > MaxSeats ? AuthError.Field("seats", $"seats must be between 1 and {MaxSeats}")
        : draft.DurationDays is < 1 or > 36500 ? AuthError.Field("durationDays", "durationDays must be between 1 and 36500")
        : draft.TrialDays is < 0 or > 365 ? AuthError.Field("trialDays", "trialDays must be between 0 and 365")
        : ValidateEntitlements(draft.Entitlements ?? [], "entitlements");

    public static AuthError? ValidateEntitlements(IReadOnlyList<Entitlement> entitlements, string field)
    {
        if (entitlements.Count > MaxEntitlements) return AuthError.Field(field, $"at most {MaxEntitlements} entitlements");
        if (entitlements.Select(e => e.Feature).Distinct().Count() != entitlements.Count) return AuthError.Field(field, "each feature may appear once");
        foreach (var e in entitlements)
        {
            if (e?.Feature is null || !CodePattern().IsMatch(e.Feature)) return AuthError.Field(field, "each feature must be 1 to 64 of a-z, 0-9, _ and -");
            if (e.Limit is < 0) return AuthError.Field(field, $"the limit of {e.Feature} must not be negative");
            if (e.Period is not null && (e.Limit is null || !EntitlementPeriods.All.Contains(e.Period)))
                return AuthError.Field(field, $"the period of {e.Feature} must be one of {string.Join(", ", EntitlementPeriods.All)}, with a limit");
        }
        return null;
    }

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex CodePattern();
}
