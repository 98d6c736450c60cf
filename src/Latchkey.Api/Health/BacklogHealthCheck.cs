using Latchkey.Core.Common.Backlog;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Health;

/// <summary>
/// Readiness reports the outbox (mail, SMS) and webhook backlog: pending rows and the oldest one's age per queue, and
/// degraded or unhealthy past the thresholds of <c>Latchkey:Backlog</c>. Reads through <see cref="BacklogMonitor"/>, so
/// probes every second from every balancer still cost one query per cache period.
/// </summary>
public sealed class BacklogHealthCheck(BacklogMonitor monitor, IOptionsMonitor<BacklogOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        BacklogSnapshot snapshot;
        try
        {
            snapshot = await monitor.CurrentAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The database check beside this one says why; the probe's body never carries a driver's message.
            return HealthCheckResult.Unhealthy("The queues cannot be read.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.CurrentValue;
        var outbox = settings.Outbox.Level(snapshot.Outbox, now);
        var webhooks = settings.Webhooks.Level(snapshot.Webhooks, now);
        var data = new Dictionary<string, object>
        {
            ["outboxPending"] = snapshot.Outbox.Pending,
            ["outboxOldestAgeSeconds"] = Math.Round(snapshot.Outbox.OldestAge(now).TotalSeconds),
            ["webhooksPending"] = snapshot.Webhooks.Pending,
            ["webhooksOldestAgeSeconds"] = Math.Round(snapshot.Webhooks.OldestAge(now).TotalSeconds),
        };
        var description = Describe(outbox, "outbox (mail and SMS)", webhooks, "webhook deliveries");
        return Math.Max(outbox, webhooks) switch
        {
            2 => HealthCheckResult.Unhealthy(description, data: data),
            1 => HealthCheckResult.Degraded(description, data: data),
            _ => HealthCheckResult.Healthy("The queues are within their thresholds.", data),
        };
    }

    private static string Describe(int outbox, string outboxName, int webhooks, string webhooksName) =>
        string.Join(" ", new[] { (outbox, outboxName), (webhooks, webhooksName) }
            .Where(q => q.Item1 > 0)
            .Select(q => $"The {q.Item2} backlog is past its {(q.Item1 == 2 ? "unhealthy" : "degraded")} threshold."));
}
