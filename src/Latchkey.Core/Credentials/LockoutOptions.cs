using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Credentials;

/// <summary>Bound from <c>Latchkey:Lockout</c>.</summary>
public sealed class LockoutOptions
{
    /// <summary>Consecutive wrong passwords that lock the account. 0 turns lockout off.</summary>
    [Range(0, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
