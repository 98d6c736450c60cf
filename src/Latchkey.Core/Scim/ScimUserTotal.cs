using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Scim;

/// <summary>
/// <c>totalResults</c> of an unfiltered user list: every listed account. Counted exactly on each request while the
/// last count was at most <see cref="ScimOptions.ExactTotalUpTo"/>; above that, the last count answers for
/// <see cref="ScimOptions.TotalMaxAge"/> on this node, and one recount serves every caller that finds it stale.
/// Identity providers page through the whole directory on import; at a million accounts an exact count per page cost
/// more than the page. Filtered lists are always counted exactly (by the store).
/// </summary>
public sealed class ScimUserTotal(IServiceScopeFactory scopes, IOptions<ScimOptions> options, TimeProvider clock)
{
    private readonly SharedRecount<int> _recount = new(scopes, clock, (services, _) => services.GetRequiredService<IScimUserStore>().CountAllAsync(CancellationToken.None));

    public async Task<int> GetAsync(IScimUserStore store, CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var last = _recount.Last;
        if (last is null || last.Value <= settings.ExactTotalUpTo)
        {
            var total = await store.CountAllAsync(ct);
            _recount.Remember(total, now);
            return total;
        }
        if (now - last.At < settings.TotalMaxAge) return last.Value;
        return (await _recount.RecountAsync().WaitAsync(ct)).Value;
    }
}
