using Latchkey.Api.RateLimiting;
using Xunit;

namespace Latchkey.Api.Tests.RateLimiting;

/// <summary>The limiter's arithmetic, with a clock the test moves (no server).</summary>
public sealed class SlidingWindowLogTests
{
    private readonly StoppedClock _clock = new();
    private readonly RateLimitRule _rule = new(10, TimeSpan.FromMinutes(15));

    [Fact]
    public void Allows_the_limit_then_refuses_with_a_retry_after_within_the_window()
    {
        var log = new SlidingWindowLog(_clock);
        for (var i = 0; i < 10; i++)
        {
            var decision = log.Acquire("k", _rule);
            Assert.True(decision.Allowed);
            Assert.Equal(9 - i, decision.Remaining);
        }
        var refused = log.Acquire("k", _rule);
        Assert.False(refused.Allowed);
        Assert.True(refused.FirstRefusal);
        Assert.False(log.Acquire("k", _rule).FirstRefusal);
        Assert.Equal(0, refused.Remaining);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.True(log.Acquire("other", _rule).Allowed);
    }

    [Fact]
    public void Each_request_leaves_the_window_exactly_one_window_after_it_was_counted()
    {
        var log = new SlidingWindowLog(_clock);
        for (var i = 0; i < 10; i++)
        {
            log.Acquire("k", _rule);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        // Ten minutes in: the first request frees its slot five minutes from now, not at some estimate.
        var refused = log.Acquire("k", _rule);
        Assert.Equal(TimeSpan.FromMinutes(5), refused.RetryAfter);
        Assert.Equal(_clock.GetUtcNow() + refused.RetryAfter, refused.Reset);

        _clock.Advance(refused.RetryAfter - TimeSpan.FromMilliseconds(1));
        Assert.False(log.Acquire("k", _rule).Allowed);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(log.Acquire("k", _rule).Allowed);
        Assert.False(log.Acquire("k", _rule).Allowed); // one slot freed, one taken
    }

    [Fact]
    public void A_rule_changed_at_run_time_keeps_the_newest_requests()
    {
        var log = new SlidingWindowLog(_clock);
        for (var i = 0; i < 10; i++) log.Acquire("k", _rule);
        var wider = new RateLimitRule(20, _rule.Window);
        Assert.Equal(9, log.Acquire("k", wider).Remaining);
        var narrower = new RateLimitRule(5, _rule.Window);
        Assert.False(log.Acquire("k", narrower).Allowed);
    }
}

/// <summary>Time that moves only when told, so exact durations can be asserted.</summary>
internal sealed class StoppedClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
