namespace Latchkey.Data;

/// <summary>One figure of the analytics rollup: a metric's value in one hour or day bucket (<c>activity_rollups</c>).</summary>
public sealed class ActivityRollupRow
{
    public required string Granularity { get; set; }
    public DateTime BucketStart { get; set; }
    public required string Metric { get; set; }
    public int Value { get; set; }
}

/// <summary>How far one granularity of the rollup is complete (<c>activity_rollup_marks</c>; null until it first runs).</summary>
public sealed class ActivityRollupMark
{
    public required string Granularity { get; set; }
    public DateTime? RolledUpTo { get; set; }
}
