namespace Latchkey.Core.Webhooks;

/// <summary>
/// One event for one subscription: the outbox row, written in the same transaction as the activity row it
/// comes from, then claimed and sent by the dispatcher. Its id is the <c>webhook-id</c> header, the same
/// on every retry and redelivery so receivers can drop duplicates. While an attempt is in flight,
/// <see cref="NextAttemptAt"/> is the claim's lease: a node that dies mid-send leaves the row due again when it lapses.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public required string EventType { get; set; }
    /// <summary>The JSON body sent, exactly as signed.</summary>
    public required string Payload { get; set; }
    public string Status { get; set; } = WebhookDeliveryStatuses.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public int? LastDurationMs { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime CreatedAt { get; set; }

    public string MessageId => "msg_" + Id.ToString("N");
}

public static class WebhookDeliveryStatuses
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    /// <summary>Every attempt failed, or the endpoint answered 410 Gone; an administrator may redeliver it.</summary>
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Pending, Delivered, Failed];
}
