namespace Latchkey.Core.Users.Import;

/// <summary>How one import run behaves.</summary>
public sealed record ImportOptions(int BatchSize = 1000, bool DryRun = false)
{
    public const int MaxBatchSize = 10_000;
}

/// <summary>
/// Counts so far, reported after every batch. <see cref="Existing"/> are accounts already present (a re-run skips
/// them, which is what makes an import resumable); <see cref="Failed"/> are records that cannot be imported.
/// </summary>
public sealed record ImportProgress(long Read, long Imported, long Existing, long Failed);
