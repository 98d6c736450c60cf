namespace Latchkey.Core.Licensing;

/// <summary>What a customer can buy: a code, entitlements, a default seat count, how long a license runs and its trial.</summary>
public sealed class LicensePlan
{
    public Guid Id { get; set; }
    /// <summary>Stable machine name (<c>pro</c>), unique.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>JSON array of <see cref="Entitlement"/>.</summary>
    public required string Entitlements { get; set; }
    public int Seats { get; set; } = 1;
    /// <summary>Days a license runs from its start (after the trial); null runs until revoked.</summary>
    public int? DurationDays { get; set; }
    public int TrialDays { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
