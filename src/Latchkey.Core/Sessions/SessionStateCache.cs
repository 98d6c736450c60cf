using System.Collections.Concurrent;
using Latchkey.Core.Cluster;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Sessions;

/// <summary>
/// Remembers for a few seconds that a session is active, so a burst of API calls with one access
/// token costs one primary-key read, not one per call. Revocations made on this node drop the entry at
/// once; a revocation, a disabled or a deleted user on another node empties the cache here when the
/// <see cref="ChangeFeed"/> sees it (within a poll), and <see cref="SessionOptions.StateCacheDuration"/>
/// bounds an entry's life even if the database cannot be polled.
/// </summary>
public sealed class SessionStateCache(IOptions<SessionOptions> options) : IChangeSubscriber
{
    private readonly MemoryCache _active = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    // Bumped when all of a user's sessions change at once, which invalidates their cached entries.
    private readonly ConcurrentDictionary<Guid, long> _userGenerations = new();
    // Bumped when any session changed on any node: entries of an older generation are not trusted.
    private long _generation;

    /// <summary>Read before the session is read from storage and passed to <see cref="RememberActive"/>, so a read that raced a revocation is not cached.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool IsKnownActive(Guid sessionId, Guid userId) =>
        _active.TryGetValue(sessionId, out Stamp stamp) && stamp == new Stamp(Generation, UserGeneration(userId));

    public void RememberActive(Guid sessionId, Guid userId, long generationBeforeRead)
    {
        var duration = options.Value.StateCacheDuration;
        if (duration <= TimeSpan.Zero || generationBeforeRead != Generation) return;
        _active.Set(sessionId, new Stamp(generationBeforeRead, UserGeneration(userId)),
            new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = duration });
    }

    public void Forget(Guid sessionId) => _active.Remove(sessionId);

    public void ForgetUser(Guid userId) => _userGenerations.AddOrUpdate(userId, 1, (_, g) => g + 1);

    private long UserGeneration(Guid userId) => _userGenerations.TryGetValue(userId, out var g) ? g : 0;

    string IChangeSubscriber.Area => ChangeAreas.Sessions;

    Task IChangeSubscriber.OnChangedAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _generation);
        _active.Clear();
        return Task.CompletedTask;
    }

    private readonly record struct Stamp(long All, long User);
}
