using Latchkey.Core.Licensing;

namespace Latchkey.Api.Nube.Contracts;

public sealed record LicenseKeyRequest(string? Key, string? Fingerprint);

public sealed record UsageRequest(Guid? LicenseId, string? Feature, long? Quantity, string? IdempotencyKey);

public sealed record PlanRequest(string? Code, string? Name, IReadOnlyList<Entitlement>? Entitlements, int? Seats, int? DurationDays, int? TrialDays);

public sealed record IssueLicenseRequest(Guid? UserId, string? Plan, int? Seats, int? TrialDays, IReadOnlyList<Entitlement>? Overrides);

public sealed record UpdateLicenseRequest(string? Status, int? Seats, DateTime? EndsAt);

public sealed record PlanOut(Guid Id, string Code, string Name, IReadOnlyList<Entitlement> Entitlements, int Seats, int? DurationDays, int TrialDays, DateTime CreatedAt)
{
    public static PlanOut From(LicensePlan p) => new(p.Id, p.Code, p.Name, EntitlementJson.Read(p.Entitlements), p.Seats, p.DurationDays, p.TrialDays, p.CreatedAt);
}

public sealed record PlanRef(string Code, string Name);

public sealed record LicenseOut(
    Guid Id, Guid UserId, PlanRef Plan, string Status, bool Valid, DateTime StartsAt, DateTime? TrialEndsAt, DateTime? EndsAt,
    int Seats, int SeatsUsed, string KeyPrefix, IReadOnlyList<Entitlement> Entitlements, DateTime CreatedAt)
{
    public static LicenseOut From(LicenseView v) => new(
        v.License.Id, v.License.UserId, new PlanRef(v.Plan.Code, v.Plan.Name), v.Status, v.Valid, v.License.StartsAt, v.License.TrialEndsAt,
        v.License.EndsAt, v.License.Seats, v.License.SeatsUsed, v.License.KeyPrefix, v.Entitlements, v.License.CreatedAt);
}

/// <summary>A license just issued: the only answer that ever shows its key.</summary>
public sealed record IssuedLicenseOut(string Key, LicenseOut License);

/// <summary>A license row in the admin list (plan by id: the list is one read).</summary>
public sealed record LicenseRow(Guid Id, Guid UserId, Guid PlanId, string Status, DateTime StartsAt, DateTime? TrialEndsAt, DateTime? EndsAt, int Seats, int SeatsUsed, string KeyPrefix)
{
    public static LicenseRow From(License l, DateTime now) =>
        new(l.Id, l.UserId, l.PlanId, l.StatusAt(now), l.StartsAt, l.TrialEndsAt, l.EndsAt, l.Seats, l.SeatsUsed, l.KeyPrefix);
}

public sealed record ValidationOut(bool Valid, string Status, bool? Activated, LicenseOut License);

public sealed record ActivationOut(Guid ActivationId, string Fingerprint, int Seats, int SeatsUsed, DateTime CreatedAt);

public sealed record UsageOut(Guid LicenseId, IReadOnlyList<EntitlementCheck> Features);

public sealed record UsageRecordedOut(bool Duplicate, EntitlementCheck Usage);

public sealed record Deactivated(bool Released);

public sealed record LicenseTokenOut(string Token, string Type, DateTime ExpiresAt);
