namespace Latchkey.Core.Admin;

/// <summary>
/// Dashboard statistics, counted live over indexed columns (users.created_at, activity (type, created_at));
/// see docs/decisions.md §33 for why there is no rollup table yet.
/// </summary>
public sealed class StatsService(IAdminStore admin, TimeProvider clock)
{
    public Task<AdminStats> GetAsync(CancellationToken ct) => admin.StatsAsync(clock.GetUtcNow().UtcDateTime, ct);
}
