namespace Latchkey.Core.Messaging;

/// <summary>Port for the outbox. Claims are conditional updates, so several nodes can run dispatchers on one database.</summary>
public interface IOutgoingMessageStore
{
    void Add(OutgoingMessage message);

    /// <summary>Pending messages due at <paramref name="now"/>, oldest first (no tracking).</summary>
    Task<IReadOnlyList<OutgoingMessage>> ListDueAsync(DateTime now, int max, CancellationToken ct);

    /// <summary>
    /// Takes the message for one delivery attempt: counts the attempt and holds it until <paramref name="leaseUntil"/>
    /// (so a crash mid-send retries then). False if another dispatcher took it.
    /// </summary>
    Task<bool> TryClaimAsync(Guid id, int seenAttempts, DateTime leaseUntil, CancellationToken ct);

    /// <summary>Marks the message delivered and erases its content.</summary>
    Task MarkSentAsync(Guid id, DateTime now, CancellationToken ct);

    /// <summary>Records a failed attempt and when to retry; with <paramref name="giveUp"/> the message is marked failed and its content erased.</summary>
    Task MarkAttemptFailedAsync(Guid id, string error, bool giveUp, DateTime retryAt, CancellationToken ct);

    Task<OutgoingMessage?> FindAsync(Guid id, CancellationToken ct);
}
