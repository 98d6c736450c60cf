namespace Latchkey.Core.Common.Backlog;

/// <summary>One queue's waiting work: rows still pending and when the oldest of them was written (null when empty).</summary>
public readonly record struct QueueBacklog(long Pending, DateTime? OldestCreatedAt)
{
    /// <summary>How long the oldest pending row has waited at <paramref name="now"/>; zero when nothing waits.</summary>
    public TimeSpan OldestAge(DateTime now) =>
        OldestCreatedAt is { } oldest && now > oldest ? now - oldest : TimeSpan.Zero;
}

/// <summary>The outbox (mail and SMS) and the webhook deliveries waiting, read together at <see cref="ReadAt"/>.</summary>
public sealed record BacklogSnapshot(QueueBacklog Outbox, QueueBacklog Webhooks, DateTime ReadAt);
