namespace Latchkey.Core.Cluster;

/// <summary>A node cache that drops or reloads what it holds when its area changed on any node.</summary>
public interface IChangeSubscriber
{
    string Area { get; }

    /// <summary>Called by <see cref="ChangeFeed"/> after the area's version moved; a failure is retried at the next poll.</summary>
    Task OnChangedAsync(CancellationToken ct);
}
