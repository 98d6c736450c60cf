using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Webhooks;

/// <summary>
/// The background loop that empties the webhook outbox: claims a batch of due rows (so several nodes share the
/// work without sending a row twice), sends them with bounded concurrency per endpoint, and polls for retries and
/// rows a crashed node left (their lease lapses). Pruning is <see cref="WebhookHistoryPruner"/>'s, off this loop.
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes,
    WebhookDispatchSignal signal,
    WebhookDeliverer deliverer,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly BackgroundFailureLog _failures = new(logger, "The webhook dispatcher");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) == options.Value.BatchSize) { }
                _failures.Succeeded();
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; keep the loop alive and try again at the next poll.
                _failures.Failed(ex);
                await Task.Delay(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Claims and sends the rows due now; returns how many were claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        IReadOnlyList<WebhookDelivery> claimed;
        Dictionary<Guid, WebhookSubscription> subscriptions;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IWebhookStore>();
            var now = clock.GetUtcNow().UtcDateTime;
            claimed = await store.ClaimDueAsync(now, now + settings.Lease, settings.BatchSize, ct);
            if (claimed.Count == 0) return 0;
            subscriptions = (await store.FindManyAsync(claimed.Select(d => d.SubscriptionId).Distinct().ToList(), ct)).ToDictionary(s => s.Id);
        }
        // Each endpoint gets its own bounded lane, so a slow receiver delays only its own rows in the batch; each lane
        // saves its outcomes together when it ends.
        await Task.WhenAll(claimed.GroupBy(d => d.SubscriptionId).Select(lane =>
            deliverer.DeliverAsync(subscriptions.GetValueOrDefault(lane.Key), lane.ToList(), ct)));
        return claimed.Count;
    }

}
