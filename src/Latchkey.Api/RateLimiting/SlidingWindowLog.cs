using System.Collections.Concurrent;

namespace Latchkey.Api.RateLimiting;

/// <summary>
/// An exact sliding window per key: the times of the requests it let through in the last window, in
/// a ring of <c>Limit</c> slots. Exact rather than the usual two-window estimate, so the headers can
/// tell the truth: a refused client may retry exactly when its oldest counted request leaves the
/// window (never later than one window), and that is the reset time it is given. It reads time from
/// <see cref="TimeProvider"/> so tests move time instead of sleeping. Memory is one long per allowed
/// request still in a window (100 per IP for the default policy).
/// </summary>
public sealed class SlidingWindowLog(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Log> _logs = new();
    private long _calls;

    public RateLimitDecision Acquire(string key, RateLimitRule rule)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var log = _logs.GetOrAdd(key, static _ => new Log());
        RateLimitDecision decision;
        lock (log) decision = log.Acquire(now, rule);
        if (Interlocked.Increment(ref _calls) % 10_000 == 0) Prune(now);
        return decision;
    }

    private void Prune(long now)
    {
        foreach (var (key, log) in _logs)
            lock (log)
                if (log.IsIdle(now)) _logs.TryRemove(key, out _);
    }

    private sealed class Log
    {
        private long[] _stamps = [];
        private int _head;
        private int _count;
        private long _window;
        private bool _refusing;

        public RateLimitDecision Acquire(long now, RateLimitRule rule)
        {
            Fit(rule);
            while (_count > 0 && _stamps[_head] + _window <= now)
            {
                _head = (_head + 1) % _stamps.Length;
                _count--;
            }

            if (_count < rule.Limit)
            {
                _stamps[(_head + _count) % _stamps.Length] = now;
                _count++;
                _refusing = false;
                return new RateLimitDecision(true, rule.Limit, rule.Limit - _count, Release(now), TimeSpan.Zero, FirstRefusal: false);
            }

            var release = Release(now);
            var first = !_refusing;
            _refusing = true;
            return new RateLimitDecision(false, rule.Limit, 0, release, release - new DateTimeOffset(now, TimeSpan.Zero), first);
        }

        /// <summary>When the oldest counted request leaves the window, freeing a slot.</summary>
        private DateTimeOffset Release(long now) => new((_count == 0 ? now : _stamps[_head]) + _window, TimeSpan.Zero);

        public bool IsIdle(long now) => _count == 0 || _stamps[(_head + _count - 1) % _stamps.Length] + _window <= now;

        /// <summary>Resizes the ring when the rule changed at run time, keeping the newest requests.</summary>
        private void Fit(RateLimitRule rule)
        {
            _window = rule.Window.Ticks;
            if (_stamps.Length == rule.Limit) return;
            var kept = Math.Min(_count, rule.Limit);
            var stamps = new long[Math.Max(1, rule.Limit)];
            for (var i = 0; i < kept; i++) stamps[i] = _stamps[(_head + _count - kept + i) % _stamps.Length];
            _stamps = stamps;
            _head = 0;
            _count = kept;
        }
    }
}

/// <summary>
/// One request's fate. <see cref="Reset"/> is when the oldest counted request leaves the window;
/// <see cref="FirstRefusal"/> marks the refusal that starts a run of them (logged once, not per request).
/// </summary>
public readonly record struct RateLimitDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset Reset, TimeSpan RetryAfter, bool FirstRefusal);
