namespace Latchkey.Core.Cluster;

/// <summary>One cache area's counter; only its changes matter, never its value.</summary>
public sealed class ChangeVersion
{
    public required string Area { get; set; }
    public long Version { get; set; }
}

public interface IChangeVersionStore
{
    /// <summary>Every area's version: the one tiny query each node makes per poll.</summary>
    Task<IReadOnlyList<ChangeVersion>> ReadAllAsync(CancellationToken ct);
}
