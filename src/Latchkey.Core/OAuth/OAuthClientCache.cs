using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.OAuth;

/// <summary>
/// Registered clients by <c>client_id</c>, kept for <see cref="OAuthOptions.ClientCacheLifetime"/>.
/// Every token, introspection and revocation request authenticates its client, and clients change
/// rarely, so reading the row each time was the largest cost of the client_credentials grant.
/// Changes made through <see cref="OAuthClientService"/> drop the entry on this node at once; other
/// nodes see them when their entry expires. Unknown ids are never cached, so made-up client ids cannot
/// fill memory; the map is also bounded in size.
/// </summary>
public sealed class OAuthClientCache(IOptions<OAuthOptions> options, TimeProvider clock)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The cached client, or null when it is not cached or its entry has expired.</summary>
    public OAuthClient? Find(string clientId) =>
        _entries.TryGetValue(clientId, out var entry) && entry.ExpiresAtTicks > clock.GetUtcNow().UtcTicks ? entry.Client : null;

    /// <summary>Caches a client read from storage. Callers must treat cached clients as read-only.</summary>
    public void Remember(OAuthClient client)
    {
        var lifetime = options.Value.ClientCacheLifetime;
        if (lifetime <= TimeSpan.Zero) return;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[client.ClientId] = new Entry(client, clock.GetUtcNow().UtcTicks + lifetime.Ticks);
    }

    public void Forget(string clientId) => _entries.TryRemove(clientId, out _);

    private sealed record Entry(OAuthClient Client, long ExpiresAtTicks);
}
