using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Cluster;

/// <summary>How nodes sharing one database follow each other's changes (docs/operations.md, "Several nodes").</summary>
public sealed class ClusterOptions
{
    /// <summary>
    /// How often each node reads the change versions (one query of a few rows). A change made on one node
    /// is in force on every node within this time plus one query; the default keeps that under a second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan ChangePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often each node adds what it counted (rate limits, failed sign-ins) to the shared counters on
    /// PostgreSQL and learns the other nodes' totals: one statement per interval, whatever the traffic.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan CounterFlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
