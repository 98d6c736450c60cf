using Latchkey.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Admin;

/// <summary>
/// The dashboard's account figures, counted at most once per <see cref="AdminOptions.StatsMaxAge"/> on each node.
/// Counting them reads every account and session (about a second of the database at a million of each), which a
/// dashboard viewed by several administrators, or a monitoring probe, must not repeat per request. Within the age the
/// last count answers; up to twice the age it still answers while one count runs in the background; older than that
/// (or never counted) callers wait for the one count in flight, never start one each. Time is the injected clock.
/// </summary>
public sealed class AccountStatsCache(IServiceScopeFactory scopes, IOptions<AdminOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private Counted? _last;
    private Task<Counted>? _counting;

    /// <summary>Account figures and the instant they were counted.</summary>
    public sealed record Counted(AccountStats Stats, DateTime CountedAt);

    public async Task<Counted> GetAsync(CancellationToken ct)
    {
        var maxAge = options.Value.StatsMaxAge;
        var now = clock.GetUtcNow().UtcDateTime;
        var last = Volatile.Read(ref _last);
        if (last is not null && now - last.CountedAt < maxAge) return last;

        Task<Counted> counting;
        lock (_gate) counting = _counting ??= CountAsync();
        if (last is not null && now - last.CountedAt < 2 * maxAge) return last;
        return await counting.WaitAsync(ct);
    }

    private async Task<Counted> CountAsync()
    {
        // Yield first: the caller assigns the task to _counting under the lock, and the finally below must clear it after.
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var at = clock.GetUtcNow().UtcDateTime;
            // Not the caller's token: the count serves every waiter, and one caller going away must not cancel it.
            var stats = await scope.ServiceProvider.GetRequiredService<IAdminStore>().AccountStatsAsync(at, CancellationToken.None);
            var counted = new Counted(stats, at);
            Volatile.Write(ref _last, counted);
            return counted;
        }
        finally
        {
            lock (_gate) _counting = null;
        }
    }
}
