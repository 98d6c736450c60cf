using System.Collections.Concurrent;

namespace Latchkey.Api.RateLimiting;

/// <summary>
/// Sliding-window counters per key (the "previous window weighted by overlap" estimate). Unlike the
/// framework's limiters it can say how many requests remain and when the window resets — the
/// X-RateLimit-* headers need both — and it reads time from <see cref="TimeProvider"/>.
/// </summary>
public sealed class SlidingWindowCounter(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();
    private long _calls;

    public RateLimitDecision Acquire(string key, RateLimitRule rule)
    {
        var now = clock.GetUtcNow();
        var window = _windows.GetOrAdd(key, static _ => new Window());
        RateLimitDecision decision;
        lock (window)
        {
            window.Advance(now, rule.Window);
            var elapsed = (now - window.Start).TotalMilliseconds / rule.Window.TotalMilliseconds;
            var estimate = window.Previous * (1 - elapsed) + window.Current;
            var reset = window.Start + rule.Window;
            if (estimate + 1 > rule.Limit)
            {
                decision = new RateLimitDecision(false, rule.Limit, 0, reset, RetryAfter(window, rule, elapsed));
            }
            else
            {
                window.Current++;
                var remaining = (int)Math.Max(0, Math.Floor(rule.Limit - estimate - 1));
                decision = new RateLimitDecision(true, rule.Limit, remaining, reset, TimeSpan.Zero);
            }
        }
        if (Interlocked.Increment(ref _calls) % 10_000 == 0) Prune(now);
        return decision;
    }

    /// <summary>When the estimate drops below the limit again, assuming no further requests.</summary>
    private static TimeSpan RetryAfter(Window window, RateLimitRule rule, double elapsed)
    {
        double waitFraction;
        if (window.Current < rule.Limit && window.Previous > 0)
            waitFraction = (1 - (rule.Limit - 1 - window.Current) / window.Previous) - elapsed;
        else
            // The current window alone is full: wait for it to become "previous" and decay enough.
            waitFraction = (1 - elapsed) + Math.Max(0, 1 - (rule.Limit - 1) / (double)Math.Max(1, window.Current));
        var wait = TimeSpan.FromMilliseconds(Math.Max(0, waitFraction) * rule.Window.TotalMilliseconds);
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
            if (now - window.Start > TimeSpan.FromHours(2)) _windows.TryRemove(key, out _);
    }

    private sealed class Window
    {
        public DateTimeOffset Start;
        public double Previous;
        public int Current;

        public void Advance(DateTimeOffset now, TimeSpan length)
        {
            if (Start == default) { Start = now; return; }
            var passed = (long)((now - Start) / length);
            if (passed <= 0) return;
            Previous = passed == 1 ? Current : 0;
            Current = 0;
            Start += length * passed;
        }
    }
}

public readonly record struct RateLimitDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset Reset, TimeSpan RetryAfter);
