using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Users;

namespace Latchkey.Core.Licensing;

/// <summary>A license to grant: whose, which plan, and what differs from the plan.</summary>
public sealed record LicenseGrant(Guid? UserId, string? PlanCode, int? Seats = null, int? TrialDays = null, IReadOnlyList<Entitlement>? Overrides = null);

/// <summary>An administrator's change to a license; null fields stay as they are.</summary>
public sealed record LicenseChange(string? Status = null, int? Seats = null, DateTime? EndsAt = null);

/// <summary>
/// Plans and licenses as an administrator manages them (permission <c>licenses:manage</c>). Every change
/// writes an activity row in the same save; a new license's key is returned once and stored as its SHA-256.
/// </summary>
public sealed class LicenseAdministration(ILicenseStore store, IUserStore users, EntitlementCache cache, ActivityLog activity, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public async Task<Result<LicensePlan>> CreatePlanAsync(PlanDraft draft, Guid actorId, RequestContext context, CancellationToken ct)
    {
        if (PlanDraftValidator.Validate(draft) is { } invalid) return invalid;
        if (await store.FindPlanByCodeAsync(draft.Code!, ct) is not null) return TakenCode;
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new LicensePlan
        {
            Id = Ids.New(), Code = draft.Code!, Name = draft.Name!.Trim(), Entitlements = EntitlementJson.Write(draft.Entitlements ?? []),
            Seats = draft.Seats ?? 1, DurationDays = draft.DurationDays, TrialDays = draft.TrialDays ?? 0, CreatedAt = now, UpdatedAt = now,
        };
        store.Add(plan);
        activity.Record(ActivityTypes.LicensePlanCreated, actorId, context, details: new { planId = plan.Id, code = plan.Code });
        try
        {
            await unitOfWork.SaveChangesAsync(ct);
        }
        catch (UniqueConstraintException)
        {
            return TakenCode;
        }
        cache.Invalidate();
        return plan;
    }

    /// <summary>
    /// Changes a plan's name, entitlements, default seats, term and trial (its code stays: keys and clients name it).
    /// Licenses already granted keep their own seats and dates; the entitlements they merge change with the plan.
    /// </summary>
    public async Task<Result<LicensePlan>> UpdatePlanAsync(Guid planId, PlanDraft draft, Guid actorId, RequestContext context, CancellationToken ct)
    {
        var plan = await store.FindPlanForUpdateAsync(planId, ct);
        if (plan is null) return new AuthError(AuthErrorCodes.NotFound, "No such plan");
        if (PlanDraftValidator.Validate(draft with { Code = plan.Code }) is { } invalid) return invalid;
        plan.Name = draft.Name!.Trim();
        plan.Entitlements = EntitlementJson.Write(draft.Entitlements ?? []);
        plan.Seats = draft.Seats ?? plan.Seats;
        plan.DurationDays = draft.DurationDays;
        plan.TrialDays = draft.TrialDays ?? 0;
        plan.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        activity.Record(ActivityTypes.LicensePlanUpdated, actorId, context, details: new { planId, code = plan.Code });
        await unitOfWork.SaveChangesAsync(ct);
        cache.Invalidate();
        return plan;
    }

    public Task<IReadOnlyList<LicensePlan>> ListPlansAsync(CancellationToken ct) => store.ListPlansAsync(ct);

    /// <summary>One license with its plan and the status in force now; null when there is none.</summary>
    public async Task<LicenseView?> FindAsync(Guid licenseId, CancellationToken ct) =>
        await store.FindAsync(licenseId, ct) is { } license && await store.FindPlanAsync(license.PlanId, ct) is { } plan
            ? LicenseView.At(license, plan, clock.GetUtcNow().UtcDateTime) : null;

    /// <summary>Grants a plan: a trial first when the plan (or the grant) has one, then the plan's term.</summary>
    public async Task<Result<(License License, LicensePlan Plan, string Key)>> IssueAsync(LicenseGrant grant, Guid actorId, RequestContext context, CancellationToken ct)
    {
        if (grant.UserId is not { } userId) return AuthError.Field("userId", "\"userId\" is required");
        if (string.IsNullOrEmpty(grant.PlanCode)) return AuthError.Field("plan", "\"plan\" is required");
        if (grant.Seats is < 1 or > PlanDraftValidator.MaxSeats) return AuthError.Field("seats", $"seats must be between 1 and {PlanDraftValidator.MaxSeats}");
        if (grant.TrialDays is < 0 or > 365) return AuthError.Field("trialDays", "trialDays must be between 0 and 365");
        if (grant.Overrides is { } overrides && PlanDraftValidator.ValidateEntitlements(overrides, "overrides") is { } badOverrides) return badOverrides;
        if (await store.FindPlanByCodeAsync(grant.PlanCode, ct) is not { } plan) return AuthError.Field("plan", $"No plan with code '{grant.PlanCode}'");
        if (await users.FindByIdAsync(userId, ct) is null) return AuthError.Field("userId", "No such user");

        var now = clock.GetUtcNow().UtcDateTime;
        var trialDays = grant.TrialDays ?? plan.TrialDays;
        var trialEnds = trialDays > 0 ? now.AddDays(trialDays) : (DateTime?)null;
        var key = LicenseKeys.New();
        var license = new License
        {
            Id = Ids.New(), PlanId = plan.Id, UserId = userId,
            Status = trialEnds is null ? LicenseStatuses.Active : LicenseStatuses.Trialing,
            StartsAt = now, TrialEndsAt = trialEnds, EndsAt = plan.DurationDays is { } days ? (trialEnds ?? now).AddDays(days) : null,
            Seats = grant.Seats ?? plan.Seats, Overrides = grant.Overrides is { Count: > 0 } o ? EntitlementJson.Write(o) : null,
            KeyHash = SecretHash.Sha256(key), KeyPrefix = key[..8], CreatedAt = now, UpdatedAt = now,
        };
        store.Add(license);
        activity.Record(ActivityTypes.LicenseIssued, userId, context, details: new { licenseId = license.Id, plan = plan.Code, actorId });
        await unitOfWork.SaveChangesAsync(ct);
        cache.Invalidate();
        return (license, plan, key);
    }

    public async Task<Result<LicenseView>> UpdateAsync(Guid licenseId, LicenseChange change, Guid actorId, RequestContext context, CancellationToken ct)
    {
        if (change.Status is { } status && !LicenseStatuses.Settable.Contains(status))
            return AuthError.Field("status", $"status must be one of {string.Join(", ", LicenseStatuses.Settable)}");
        if (change.Seats is < 1 or > PlanDraftValidator.MaxSeats) return AuthError.Field("seats", $"seats must be between 1 and {PlanDraftValidator.MaxSeats}");
        var license = await store.FindAsync(licenseId, ct);
        if (license is null || await store.FindPlanAsync(license.PlanId, ct) is not { } plan) return new AuthError(AuthErrorCodes.NotFound, "No such license");
        if (change.Seats < license.SeatsUsed)
            return AuthError.Field("seats", $"{license.SeatsUsed} seats are in use; deactivate machines before lowering the count");

        var changed = new List<string>();
        if (change.Status is { } newStatus) { license.Status = newStatus; changed.Add("status"); }
        if (change.Seats is { } seats) { license.Seats = seats; changed.Add("seats"); }
        if (change.EndsAt is { } endsAt) { license.EndsAt = DateTime.SpecifyKind(endsAt, DateTimeKind.Utc); changed.Add("endsAt"); }
        var now = clock.GetUtcNow().UtcDateTime;
        license.UpdatedAt = now;
        // A new status or end starts a new term as far as the expiry event goes: it is raised again when that one ends.
        if (change.Status is not null || change.EndsAt is not null) license.ExpiryNotifiedAt = null;
        activity.Record(ActivityTypes.LicenseUpdated, license.UserId, context, details: new { licenseId, changed, status = license.Status, actorId });
        await unitOfWork.SaveChangesAsync(ct);
        cache.Invalidate();
        return LicenseView.At(license, plan, now);
    }

    /// <summary>One page of licenses, of one user or all, of one status in force now or any.</summary>
    public async Task<Result<(IReadOnlyList<License> Items, int Total)>> ListAsync(Guid? userId, string? status, int page, int limit, CancellationToken ct)
    {
        if (status is not null && status != LicenseStatuses.Expired && !LicenseStatuses.Settable.Contains(status))
            return AuthError.Field("status", $"status must be one of {string.Join(", ", LicenseStatuses.Settable.Append(LicenseStatuses.Expired))}");
        if (Admin.PageLimits.Validate(page, limit) is { } badPage) return badPage;
        return await store.ListAsync(userId, status, clock.GetUtcNow().UtcDateTime, page, limit, ct);
    }

    private static readonly AuthError TakenCode = new(AuthErrorCodes.Conflict, "A plan with this code exists", new Dictionary<string, string> { ["code"] = "taken" });
}
