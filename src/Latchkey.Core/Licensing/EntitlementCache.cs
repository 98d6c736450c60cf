using Latchkey.Core.Cluster;
using Microsoft.Extensions.Caching.Memory;

namespace Latchkey.Core.Licensing;

/// <summary>
/// Each user's licenses with their plans and merged entitlements, held on the node so an entitlement check (an application may make one
/// per request) costs no read for the license and plan, only the metered features' counter read, which is never
/// cached because it changes with every usage report. The rows are cached, not the answer: validity and expiry
/// are computed from their dates at each check, so a license expires on time from the cache too.
/// A license or plan change made on this node empties the cache at once (<see cref="Invalidate"/>); one made on
/// another node does so when the <see cref="ChangeFeed"/> sees the 'licenses' area move (a database trigger bumps
/// it in the change's transaction), and <see cref="EntryLifetime"/> bounds an entry's age if polling fails.
/// </summary>
public sealed class EntitlementCache : IChangeSubscriber
{
    public static readonly TimeSpan EntryLifetime = TimeSpan.FromSeconds(60);

    private readonly MemoryCache _licenses = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    // Bumped by every invalidation: a read that started before one is not stored, so it cannot bring back old rows.
    private long _generation;

    /// <summary>Read before the licenses are read from storage and passed to <see cref="Remember"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(Guid userId, out IReadOnlyList<LicenseEntitlements> licenses)
    {
        if (_licenses.TryGetValue(userId, out Entry? entry) && entry!.Generation == Generation)
        {
            licenses = entry.Licenses;
            return true;
        }
        licenses = [];
        return false;
    }

    public void Remember(Guid userId, IReadOnlyList<LicenseEntitlements> licenses, long generationBeforeRead)
    {
        if (generationBeforeRead != Generation) return;
        _licenses.Set(userId, new Entry(generationBeforeRead, licenses),
            new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = EntryLifetime });
    }

    /// <summary>Drops every entry: a plan change concerns every user holding it, and such changes are rare.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _licenses.Clear();
    }

    string IChangeSubscriber.Area => ChangeAreas.Licenses;

    Task IChangeSubscriber.OnChangedAsync(CancellationToken ct)
    {
        Invalidate();
        return Task.CompletedTask;
    }

    private sealed record Entry(long Generation, IReadOnlyList<LicenseEntitlements> Licenses);
}
