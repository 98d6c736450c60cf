using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Webhooks;

/// <summary>
/// Hourly, deletes delivered rows past <see cref="WebhookOptions.RetainDelivered"/> and each endpoint's finished rows
/// beyond its newest <see cref="WebhookOptions.HistoryPerEndpoint"/>. It runs beside the dispatcher, not in its loop, so
/// a long prune never holds up delivery. On several nodes each prunes; the deletes are idempotent.
/// </summary>
public sealed class WebhookHistoryPruner(
    IServiceScopeFactory scopes,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookHistoryPruner> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly BackgroundFailureLog _failures = new(logger, "Pruning the webhook delivery history");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var next = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Checked at every poll against the clock, so a moved clock (tests) or a suspended host prunes when due.
                var now = clock.GetUtcNow().UtcDateTime;
                if (now >= next)
                {
                    next = now + Interval;
                    await PruneAsync(now, stoppingToken);
                    _failures.Succeeded();
                }
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable: the next hour tries again.
                _failures.Failed(ex);
            }
        }
    }

    private async Task PruneAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IWebhookStore>();
        await store.PruneDeliveredAsync(now - options.Value.RetainDelivered, ct);
        await store.PruneHistoryAsync(options.Value.HistoryPerEndpoint, ct);
    }
}
