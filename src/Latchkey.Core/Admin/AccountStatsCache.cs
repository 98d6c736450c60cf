using Latchkey.Core.Common;
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
    private readonly SharedRecount<AccountStats> _recount = new(scopes, clock,
        (services, at) => services.GetRequiredService<IAdminStore>().AccountStatsAsync(at, CancellationToken.None));

    /// <summary>Account figures and the instant they were counted.</summary>
    public async Task<(AccountStats Stats, DateTime CountedAt)> GetAsync(CancellationToken ct)
    {
        var maxAge = options.Value.StatsMaxAge;
        var now = clock.GetUtcNow().UtcDateTime;
        var last = _recount.Last;
        if (last is not null && now - last.At < maxAge) return (last.Value, last.At);

        var counting = _recount.RecountAsync();
        if (last is not null && now - last.At < 2 * maxAge) return (last.Value, last.At);
        var counted = await counting.WaitAsync(ct);
        return (counted.Value, counted.At);
    }
}
