namespace Latchkey.Core.Common;

/// <summary>The back-off of the outbox senders (webhooks, back-channel logout).</summary>
public static class RetryBackoff
{
    /// <summary><paramref name="first"/> × 2^(attempt−1), capped at <paramref name="max"/>, then up to 20% taken off at random so retries from one outage spread out.</summary>
    public static TimeSpan Jittered(int attempt, TimeSpan first, TimeSpan max)
    {
        var delay = first * Math.Pow(2, Math.Min(attempt - 1, 30));
        if (delay > max) delay = max;
        return delay * (1 - Random.Shared.NextDouble() * 0.2);
    }
}
