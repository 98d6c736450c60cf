namespace Latchkey.Core.Cluster;

/// <summary>What one node counted for one key in one fixed window since its last flush.</summary>
public readonly record struct CounterDelta(string Key, DateTime WindowStart, DateTime WindowEnd, int Added);

/// <summary>A key's count in a window over every node, as the database holds it after a flush.</summary>
public readonly record struct CounterTotal(string Key, DateTime WindowStart, int Count);

/// <summary>
/// The counters that nodes share (rate limits, the account-wide sign-in ceiling). Used only when several
/// nodes can share the database (PostgreSQL); on SQLite every count stays in the node.
/// </summary>
public interface ISharedCounterStore
{
    /// <summary>Adds every delta in one statement and returns the new totals.</summary>
    Task<IReadOnlyList<CounterTotal>> AddAsync(IReadOnlyList<CounterDelta> deltas, CancellationToken ct);

    /// <summary>Deletes the counters of windows that have ended.</summary>
    Task PruneAsync(DateTime now, CancellationToken ct);
}
