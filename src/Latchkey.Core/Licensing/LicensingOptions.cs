using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Licensing;

/// <summary>Bound from <c>Latchkey:Licensing</c>.</summary>
public sealed class LicensingOptions
{
    /// <summary>
    /// How old the node's copy of a usage counter may be when an entitlement check answers from it
    /// (<see cref="UsageCounterCache"/>); 0 reads the counter on every check. Usage recorded on this node is in the copy
    /// at once; usage recorded on another node shows within this age.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan UsageCacheAge { get; set; } = TimeSpan.FromSeconds(1);
}
