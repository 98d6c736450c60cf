namespace Latchkey.Core.Cluster;

/// <summary>A shared counter row: every node's count of one key in one fixed window (PostgreSQL only).</summary>
public sealed class RateCounter
{
    public required string Key { get; set; }
    public DateTime WindowStart { get; set; }
    public DateTime WindowEnd { get; set; }
    public int Count { get; set; }
}
