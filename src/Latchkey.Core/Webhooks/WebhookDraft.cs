namespace Latchkey.Core.Webhooks;

/// <summary>What an administrator sends to create or change a webhook; on a change, null means "keep".</summary>
public sealed record WebhookDraft(string? Url, IReadOnlyList<string>? Events, bool? Active, string? Description, string? Secret);

/// <summary>A webhook as the admin API shows it (never its secret).</summary>
public sealed record WebhookView(
    Guid Id, string Url, string? Description, IReadOnlyList<string> Events, bool Active, string? DisabledReason,
    int ConsecutiveFailures, DateTime? PreviousSecretExpiresAt, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static WebhookView From(WebhookSubscription s) => new(s.Id, s.Url, s.Description, s.EventList, s.Active, s.DisabledReason,
        s.ConsecutiveFailures, s.PreviousSecretExpiresAt, s.CreatedAt, s.UpdatedAt);
}

/// <summary>One delivery and its last attempt. <see cref="MessageId"/> is the <c>webhook-id</c> header the receiver saw.</summary>
public sealed record WebhookDeliveryView(
    Guid Id, string MessageId, string EventType, string Status, int Attempts, int? StatusCode, int? DurationMs, string? Error,
    DateTime CreatedAt, DateTime? LastAttemptAt, DateTime? DeliveredAt, DateTime? NextAttemptAt)
{
    public static WebhookDeliveryView From(WebhookDelivery d) => new(d.Id, d.MessageId, d.EventType, d.Status, d.Attempts,
        d.LastStatusCode, d.LastDurationMs, d.LastError, d.CreatedAt, d.LastAttemptAt, d.DeliveredAt,
        d.Status == WebhookDeliveryStatuses.Pending ? d.NextAttemptAt : null);
}
