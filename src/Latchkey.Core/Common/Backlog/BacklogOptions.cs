using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Common.Backlog;

/// <summary>Bound from <c>Latchkey:Backlog</c>: how often the queues are read, and when readiness calls them too long.</summary>
public sealed class BacklogOptions : IValidatableObject
{
    /// <summary>How long one read of the queues serves every scrape and probe.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Mail and SMS waiting: degraded from 100 pending or 5 minutes old; never unhealthy unless set.</summary>
    public BacklogThresholds Outbox { get; set; } = new() { DegradedPending = 100, DegradedAge = TimeSpan.FromMinutes(5) };

    /// <summary>
    /// Webhook deliveries waiting: degraded from 1000 pending or an hour old (a receiver that is down keeps its
    /// deliveries pending through their retries, which is not this node's fault); never unhealthy unless set.
    /// </summary>
    public BacklogThresholds Webhooks { get; set; } = new() { DegradedPending = 1000, DegradedAge = TimeSpan.FromHours(1) };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CacheDuration < TimeSpan.Zero || CacheDuration > TimeSpan.FromMinutes(5))
            yield return new("Latchkey:Backlog:CacheDuration must be between 0 and 5 minutes.");
        foreach (var problem in Outbox.Problems("Outbox").Concat(Webhooks.Problems("Webhooks"))) yield return new(problem);
    }
}

/// <summary>
/// When a queue makes <c>/health/ready</c> degraded (still 200) or unhealthy (503, the node leaves the load balancer).
/// Zero turns a threshold off. Unhealthy is off by default: a mail relay that is down is the same for every node, and
/// taking them all out of service would turn a late email into an outage.
/// </summary>
public sealed class BacklogThresholds
{
    public long DegradedPending { get; set; }
    public TimeSpan DegradedAge { get; set; }
    public long UnhealthyPending { get; set; }
    public TimeSpan UnhealthyAge { get; set; }

    internal IEnumerable<string> Problems(string name)
    {
        if (DegradedPending < 0 || UnhealthyPending < 0 || DegradedAge < TimeSpan.Zero || UnhealthyAge < TimeSpan.Zero)
            yield return $"Latchkey:Backlog:{name} thresholds cannot be negative (0 turns one off).";
    }

    /// <summary>The state of a queue against these thresholds: 2 unhealthy, 1 degraded, 0 fine.</summary>
    public int Level(QueueBacklog backlog, DateTime now)
    {
        var age = backlog.OldestAge(now);
        if (Exceeds(backlog.Pending, UnhealthyPending) || Exceeds(age, UnhealthyAge)) return 2;
        return Exceeds(backlog.Pending, DegradedPending) || Exceeds(age, DegradedAge) ? 1 : 0;
    }

    private static bool Exceeds(long value, long threshold) => threshold > 0 && value >= threshold;
    private static bool Exceeds(TimeSpan value, TimeSpan threshold) => threshold > TimeSpan.Zero && value >= threshold;
}
