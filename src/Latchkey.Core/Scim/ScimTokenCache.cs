using System.Collections.Concurrent;
using Latchkey.Core.OAuth;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Scim;

/// <summary>
/// Authenticated SCIM tokens by the SHA-256 of their secret, so a provisioning run's thousands of calls do not each
/// read the token and its client. An entry lives for <see cref="OAuthOptions.ClientCacheLifetime"/> and only while the
/// <see cref="OAuthClientCache"/> generation it was read under stands: a client changed or deactivated on this node
/// moves it at once, and on other nodes the change feed's 'oauth_clients' area does (creating or deleting a SCIM token
/// bumps that area too, migration 20261204000200). A token revoked on this node is dropped at once. Unknown secrets
/// are never cached, so guesses cannot fill memory; the map is bounded in size as well.
/// </summary>
public sealed class ScimTokenCache(OAuthClientCache clients, IOptions<OAuthOptions> options, TimeProvider clock)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _revocations;

    /// <summary>Read before the token is read from storage and passed to <see cref="Remember"/>.</summary>
    public (long Clients, long Revocations) Generation => (clients.Generation, Interlocked.Read(ref _revocations));

    public static string Key(byte[] secretHash) => Convert.ToHexString(secretHash);

    public ScimTokenLookup? Find(string key) =>
        _entries.TryGetValue(key, out var entry) && entry.ExpiresAtTicks > clock.GetUtcNow().UtcTicks && entry.ClientGeneration == clients.Generation
            ? entry.Token : null;

    public void Remember(string key, ScimTokenLookup token, (long Clients, long Revocations) generationBeforeRead)
    {
        var lifetime = options.Value.ClientCacheLifetime;
        if (lifetime <= TimeSpan.Zero || generationBeforeRead != Generation) return;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[key] = new Entry(token, generationBeforeRead.Clients, clock.GetUtcNow().UtcTicks + lifetime.Ticks);
    }

    /// <summary>Keeps the last-used time the node wrote, so the next minute's calls do not write it again.</summary>
    public void Touched(string key, ScimTokenLookup token, DateTime at)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Token.TokenId == token.TokenId)
            _entries.TryUpdate(key, entry with { Token = token with { LastUsedAt = at } }, entry);
    }

    public void Forget(byte[] secretHash)
    {
        Interlocked.Increment(ref _revocations);
        _entries.TryRemove(Key(secretHash), out _);
    }

    private sealed record Entry(ScimTokenLookup Token, long ClientGeneration, long ExpiresAtTicks);
}
