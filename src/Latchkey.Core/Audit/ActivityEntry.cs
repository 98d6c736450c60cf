namespace Latchkey.Core.Audit;

/// <summary>One row of the activity (audit) log. Never holds a secret.</summary>
public sealed class ActivityEntry
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public required string Type { get; set; }
    public bool Success { get; set; } = true;
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    /// <summary>Small JSON object with event-specific facts (method, reason, key id...).</summary>
    public string? Details { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The administrator who did this while impersonating <see cref="UserId"/>; null when the user acted.</summary>
    public Guid? ActorId { get; set; }
}
