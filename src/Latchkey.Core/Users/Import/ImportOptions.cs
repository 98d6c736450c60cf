namespace Latchkey.Core.Users.Import;

/// <summary>How one import run behaves.</summary>
/// <param name="Firebase">The Firebase project's hash parameters, for <c>--format firebase</c>.</param>
public sealed record ImportOptions(int BatchSize = 1000, bool DryRun = false, Credentials.FirebaseHashConfig? Firebase = null)
{
    public const int MaxBatchSize = 10_000;
}

/// <summary>
/// Counts so far, reported after every batch. <see cref="Existing"/> are accounts already present (a re-run skips
/// them, which is what makes an import resumable); <see cref="Failed"/> are records that cannot be imported.
/// </summary>
public sealed record ImportProgress(long Read, long Imported, long Existing, long Failed);
