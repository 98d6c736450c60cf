namespace Latchkey.Core.Common.Backlog;

/// <summary>Reads the pending outbox messages and webhook deliveries (count and oldest) in one round trip.</summary>
public interface IBacklogStore
{
    Task<(QueueBacklog Outbox, QueueBacklog Webhooks)> ReadAsync(CancellationToken ct);
}
