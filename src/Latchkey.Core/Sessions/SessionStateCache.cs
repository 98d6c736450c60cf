using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Sessions;

/// <summary>
/// Remembers for a few seconds that a session is active, so a burst of API calls with one access
/// token costs one primary-key read, not one per call. Revocations made on this node drop the entry at
/// once; other nodes see them within <see cref="SessionOptions.StateCacheDuration"/>.
/// </summary>
public sealed class SessionStateCache(IOptions<SessionOptions> options)
{
    private readonly MemoryCache _active = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    // Bumped when all of a user's sessions change at once, which invalidates their cached entries.
    private readonly ConcurrentDictionary<Guid, long> _userGenerations = new();

    public bool IsKnownActive(Guid sessionId, Guid userId) =>
        _active.TryGetValue(sessionId, out long generation) && generation == Generation(userId);

    public void RememberActive(Guid sessionId, Guid userId)
    {
        var duration = options.Value.StateCacheDuration;
        if (duration <= TimeSpan.Zero) return;
        _active.Set(sessionId, Generation(userId), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = duration });
    }

    public void Forget(Guid sessionId) => _active.Remove(sessionId);

    public void ForgetUser(Guid userId) => _userGenerations.AddOrUpdate(userId, 1, (_, g) => g + 1);

    private long Generation(Guid userId) => _userGenerations.TryGetValue(userId, out var g) ? g : 0;
}
