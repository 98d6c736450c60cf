using Latchkey.Api.RateLimiting;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.RateLimiting;

/// <summary>The limiter's arithmetic, with a clock the test moves (no server).</summary>
public sealed class SlidingWindowCounterTests
{
    private readonly TestClock _clock = new();
    private readonly RateLimitRule _rule = new(10, TimeSpan.FromMinutes(15));

    [Fact]
    public void Allows_the_limit_then_refuses_with_a_positive_retry_after()
    {
        var counter = new SlidingWindowCounter(_clock);
        for (var i = 0; i < 10; i++)
        {
            var decision = counter.Acquire("k", _rule);
            Assert.True(decision.Allowed);
            Assert.Equal(9 - i, decision.Remaining);
        }
        var refused = counter.Acquire("k", _rule);
        Assert.False(refused.Allowed);
        Assert.Equal(0, refused.Remaining);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(30));
        Assert.True(counter.Acquire("other", _rule).Allowed);
    }

    [Fact]
    public void The_previous_window_still_counts_in_proportion_to_its_overlap()
    {
        var counter = new SlidingWindowCounter(_clock);
        for (var i = 0; i < 10; i++) counter.Acquire("k", _rule);

        _clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1)); // next window, previous weighs ~100%
        Assert.False(counter.Acquire("k", _rule).Allowed);

        _clock.Advance(TimeSpan.FromMinutes(7.5)); // previous now weighs ~50%: about 4 more fit
        var allowed = 0;
        while (counter.Acquire("k", _rule).Allowed) allowed++;
        Assert.InRange(allowed, 4, 5);

        _clock.Advance(TimeSpan.FromMinutes(31)); // everything has slid out
        Assert.Equal(9, counter.Acquire("k", _rule).Remaining);
    }

    [Fact]
    public void Retry_after_is_honest_waiting_that_long_is_enough()
    {
        var counter = new SlidingWindowCounter(_clock);
        for (var i = 0; i < 10; i++) counter.Acquire("k", _rule);
        var refused = counter.Acquire("k", _rule);
        _clock.Advance(refused.RetryAfter + TimeSpan.FromSeconds(1));
        Assert.True(counter.Acquire("k", _rule).Allowed);
    }
}
