namespace Latchkey.Core.Settings;

/// <summary>The stored settings document: one row, with a version that goes up on every change.</summary>
public sealed class StoredSettings
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public required string Document { get; set; }
    public long Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

public interface ISettingsStore
{
    /// <summary>The version alone: the cheap read every node makes to notice a change.</summary>
    Task<long> VersionAsync(CancellationToken ct);

    /// <summary>The tracked row, or null before the first change.</summary>
    Task<StoredSettings?> FindAsync(CancellationToken ct);

    void Add(StoredSettings settings);
}
