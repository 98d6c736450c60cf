namespace Latchkey.Core.Messaging;

/// <summary>
/// A message waiting to be delivered (the outbox). It is written in the same transaction as the ticket it
/// carries, so a committed ticket always has its message; the dispatcher delivers it with retries. The
/// content (which holds the link or code) is encrypted with Data Protection and erased once delivered.
/// </summary>
public sealed class OutgoingMessage
{
    public Guid Id { get; set; }
    public required string Channel { get; set; }
    public required string Recipient { get; set; }
    public required string Template { get; set; }
    public required string ProtectedContent { get; set; }
    public string Status { get; set; } = MessageStatuses.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

public static class MessageChannels
{
    public const string Email = "email";
    public const string Sms = "sms";
}

public static class MessageStatuses
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    /// <summary>Gave up after the last retry; reported in the log and the activity log.</summary>
    public const string Failed = "failed";
}
