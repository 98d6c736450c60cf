namespace Latchkey.Core.Licensing;

/// <summary>
/// A plan granted to a user: its stored status (what an administrator set), its dates, seats (the count of
/// activations, changed only by one conditional UPDATE so parallel activations never exceed it), entitlement
/// overrides, and the SHA-256 of its license key. Expiry is not stored: <see cref="StatusAt"/> derives it from
/// the dates and the injected clock, so a license is expired the moment its time is up, on every node.
/// </summary>
public sealed class License
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public Guid UserId { get; set; }
    public string Status { get; set; } = LicenseStatuses.Active;
    public DateTime StartsAt { get; set; }
    public DateTime? TrialEndsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public int Seats { get; set; }
    public int SeatsUsed { get; set; }
    /// <summary>JSON array of <see cref="Entitlement"/> replacing the plan's entries for the same features; null for none.</summary>
    public string? Overrides { get; set; }
    public required byte[] KeyHash { get; set; }
    /// <summary>The first characters of the key, so an administrator can tell licenses apart without the key.</summary>
    public required string KeyPrefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>
    /// When <c>license.expired</c> was raised for the current term (by <see cref="LicenseExpiryWorker"/>); null until
    /// then, and again when an administrator changes the status or the end, so a renewed license can expire again.
    /// </summary>
    public DateTime? ExpiryNotifiedAt { get; set; }

    /// <summary>The status in force at <paramref name="now"/>: revoked and suspended win, then the end of the trial or the term.</summary>
    public string StatusAt(DateTime now) =>
        Status is LicenseStatuses.Revoked or LicenseStatuses.Suspended ? Status
        : EndsAt is { } ends && ends <= now ? LicenseStatuses.Expired
        : Status == LicenseStatuses.Trialing && TrialEndsAt is { } trialEnd && trialEnd <= now ? LicenseStatuses.Expired
        : Status;
}

public static class LicenseStatuses
{
    public const string Trialing = "trialing";
    public const string Active = "active";
    /// <summary>Payment failed: still valid (the application may warn), until an administrator suspends it.</summary>
    public const string PastDue = "past_due";
    public const string Suspended = "suspended";
    public const string Expired = "expired";
    public const string Revoked = "revoked";

    /// <summary>What an administrator may set (expired follows from the dates).</summary>
    public static readonly IReadOnlyList<string> Settable = [Trialing, Active, PastDue, Suspended, Revoked];

    public static bool IsValid(string status) => status is Trialing or Active or PastDue;
}

/// <summary>One machine (or installation) holding a seat of a license.</summary>
public sealed class LicenseActivation
{
    public Guid Id { get; set; }
    public Guid LicenseId { get; set; }
    public required string Fingerprint { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A metered feature's use in one period, incremented in place (one UPDATE ... SET used = used + n).</summary>
public sealed class LicenseUsage
{
    public Guid LicenseId { get; set; }
    public required string Feature { get; set; }
    public DateTime PeriodStart { get; set; }
    public long Used { get; set; }
}

/// <summary>One recorded use, kept for its idempotency key: a retry with the same key counts once.</summary>
public sealed class LicenseUsageEvent
{
    public Guid Id { get; set; }
    public Guid LicenseId { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string Feature { get; set; }
    public long Quantity { get; set; }
    public DateTime RecordedAt { get; set; }
}
