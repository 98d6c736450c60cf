namespace Latchkey.Core.Audit;

public interface IActivityStore
{
    void Add(ActivityEntry entry);

    /// <summary>Newest first. <paramref name="page"/> starts at 1.</summary>
    Task<(IReadOnlyList<ActivityEntry> Items, int Total)> ListForUserAsync(Guid userId, int page, int limit, CancellationToken ct);
}
