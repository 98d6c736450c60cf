namespace Latchkey.Core.Webhooks;

/// <summary>
/// A receiver URL and the events it wants. The signing secret is kept encrypted (it must be read back to
/// sign, so it cannot be hashed); after a rotation the previous one signs too until it expires.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }
    public required string Url { get; set; }
    public string? Description { get; set; }
    /// <summary>Subscribed event types separated by single spaces, with a space at each end (" user.created login.success "), or " * ".</summary>
    public required string Events { get; set; }
    public bool Active { get; set; } = true;
    public required string ProtectedSecret { get; set; }
    public string? ProtectedPreviousSecret { get; set; }
    public DateTime? PreviousSecretExpiresAt { get; set; }
    /// <summary>Failed attempts since the last success; the endpoint is disabled when it reaches the configured limit.</summary>
    public int ConsecutiveFailures { get; set; }
    /// <summary>Why the server turned the endpoint off (410 Gone, too many failures); null when an administrator did.</summary>
    public string? DisabledReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Subscribes(string eventType) => WebhookEventFilter.Matches(Events, eventType);
}
