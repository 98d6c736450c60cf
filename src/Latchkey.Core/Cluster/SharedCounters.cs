using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Cluster;

/// <summary>
/// Fixed-window counters shared by the nodes of one PostgreSQL database without a write per request:
/// each node counts in memory and, every <see cref="ClusterOptions.CounterFlushInterval"/>, adds what it
/// counted to the database in one statement that returns every node's totals. A node decides with the
/// last totals it learned plus what it counted since, so the nodes together may let through at most
/// what each of them admits for a key in one flush interval beyond the limit (docs/operations.md).
/// On SQLite <see cref="IsShared"/> is false: nothing is flushed and callers keep their local counts.
/// </summary>
public sealed class SharedCounters(
    IServiceScopeFactory scopes,
    SharedDatabase database,
    IOptions<ClusterOptions> options,
    TimeProvider clock,
    ILogger<SharedCounters> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string Key, long Start), Slot> _slots = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;
    private bool _failing;

    public bool IsShared => database.IsShared;

    /// <summary>Whether one more event fits under <paramref name="limit"/> in the current window, over every node.</summary>
    public SharedCount Check(string key, TimeSpan window, int limit)
    {
        var now = clock.GetUtcNow();
        var (start, end) = Bounds(now, window);
        if (!_slots.TryGetValue((key, start.Ticks), out var slot)) return new SharedCount(true, limit, end, TimeSpan.Zero, false);
        lock (slot)
        {
            var count = slot.Known + slot.Pending + slot.InFlight;
            if (count < limit)
            {
                slot.Refusing = false;
                return new SharedCount(true, limit - count, end, TimeSpan.Zero, false);
            }
            var first = !slot.Refusing;
            slot.Refusing = true;
            return new SharedCount(false, 0, end, end - now, first);
        }
    }

    /// <summary>Counts one event in the current window; it reaches the other nodes at the next flush.</summary>
    public void Add(string key, TimeSpan window)
    {
        var (start, end) = Bounds(clock.GetUtcNow(), window);
        var slot = _slots.GetOrAdd((key, start.Ticks), static (_, e) => new Slot(e), end);
        lock (slot) slot.Pending++;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsShared) return;
        using var timer = new PeriodicTimer(options.Value.CounterFlushInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
    }

    /// <summary>Sends what this node counted and learns every node's totals. Public for the tests that drive it.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (!IsShared) return;
        await _flushing.WaitAsync(ct);
        try
        {
            await FlushOnceAsync(ct);
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task FlushOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var taken = new List<(Slot Slot, CounterDelta Delta)>();
        foreach (var ((key, start), slot) in _slots)
        {
            if (slot.End <= now) { _slots.TryRemove((key, start), out _); continue; }
            lock (slot)
            {
                if (slot.Pending == 0) continue;
                taken.Add((slot, new CounterDelta(key, new DateTime(start, DateTimeKind.Utc), slot.End.UtcDateTime, slot.Pending)));
                slot.InFlight += slot.Pending;
                slot.Pending = 0;
            }
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ISharedCounterStore>();
            var totals = taken.Count == 0 ? [] : await store.AddAsync(taken.ConvertAll(t => t.Delta), ct);
            var byKey = totals.ToDictionary(t => (t.Key, t.WindowStart.Ticks), t => t.Count);
            foreach (var (slot, delta) in taken)
                lock (slot)
                {
                    slot.InFlight -= delta.Added;
                    if (byKey.TryGetValue((delta.Key, delta.WindowStart.Ticks), out var total)) slot.Known = Math.Max(slot.Known, total);
                }
            if (now - _prunedAt > PruneEvery)
            {
                await store.PruneAsync(now.UtcDateTime, ct);
                _prunedAt = now;
            }
            _failing = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Counted again at the next flush: a database outage delays the sharing, it loses no count.
            foreach (var (slot, delta) in taken)
                lock (slot) { slot.InFlight -= delta.Added; slot.Pending += delta.Added; }
            if (!_failing) logger.LogWarning("Could not share the rate-limit counters; each node counts alone until the database answers: {Reason}", ex.Message);
            _failing = true;
        }
    }

    /// <summary>Windows aligned on the epoch, so every node puts an event in the same window.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Bounds(DateTimeOffset now, TimeSpan window)
    {
        var start = now.UtcTicks - now.UtcTicks % Math.Max(1, window.Ticks);
        return (new DateTimeOffset(start, TimeSpan.Zero), new DateTimeOffset(start + window.Ticks, TimeSpan.Zero));
    }

    private sealed class Slot(DateTimeOffset end)
    {
        public DateTimeOffset End { get; } = end;
        /// <summary>Every node's total as of the last flush (this node's flushed events included).</summary>
        public int Known;
        public int Pending;
        public int InFlight;
        public bool Refusing;
    }
}

/// <summary>One check's outcome: <see cref="Reset"/> is when the window ends.</summary>
public readonly record struct SharedCount(bool Allowed, int Remaining, DateTimeOffset Reset, TimeSpan RetryAfter, bool FirstRefusal);
