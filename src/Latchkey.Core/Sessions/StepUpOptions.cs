using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Sessions;

/// <summary>Bound from <c>Latchkey:StepUp</c>.</summary>
public sealed class StepUpOptions
{
    /// <summary>How recent the last authentication of a session must be for sensitive operations.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "1.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);
}
