using System.Collections.Concurrent;
using Latchkey.Core.Cluster;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Registered clients by <c>client_id</c>, kept for <see cref="OAuthOptions.ClientCacheLifetime"/>.
/// Every token, introspection and revocation request authenticates its client, and clients change
/// rarely, so reading the row each time was the largest cost of the client_credentials grant.
/// Changes made through <see cref="OAuthClientService"/> drop the entry on this node at once; the
/// <see cref="ChangeFeed"/> empties the cache on the other nodes within a poll. Unknown ids are never cached, so made-up client ids cannot
/// fill memory; the map is also bounded in size.
/// </summary>
public sealed class OAuthClientCache(IOptions<OAuthOptions> options, TimeProvider clock) : IChangeSubscriber
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Read before a row is read from storage and passed to <see cref="Remember"/>, so a row read before a change is not cached after it.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The cached client, or null when it is not cached or its entry has expired.</summary>
    public OAuthClient? Find(string clientId) =>
        _entries.TryGetValue(clientId, out var entry) && entry.ExpiresAtTicks > clock.GetUtcNow().UtcTicks ? entry.Client : null;

    /// <summary>Caches a client read from storage. Callers must treat cached clients as read-only.</summary>
    public void Remember(OAuthClient client, long generationBeforeRead)
    {
        var lifetime = options.Value.ClientCacheLifetime;
        if (lifetime <= TimeSpan.Zero || generationBeforeRead != Generation) return;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[client.ClientId] = new Entry(client, clock.GetUtcNow().UtcTicks + lifetime.Ticks);
    }

    /// <summary>
    /// Drops a changed client. The generation moves too, so a read begun before the change is not cached after it, and
    /// so caches of what hangs off clients (<see cref="Scim.ScimTokenCache"/>) drop their entries as well.
    /// </summary>
    public void Forget(string clientId)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(clientId, out _);
    }

    string IChangeSubscriber.Area => ChangeAreas.OAuthClients;

    Task IChangeSubscriber.OnChangedAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
        return Task.CompletedTask;
    }

    private sealed record Entry(OAuthClient Client, long ExpiresAtTicks);
}
