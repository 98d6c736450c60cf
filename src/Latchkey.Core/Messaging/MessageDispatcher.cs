using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Messaging;

/// <summary>
/// The background loop that empties the outbox: woken by new messages, and polling so retries and
/// messages left by a crashed node are picked up.
/// </summary>
public sealed partial class MessageDispatcher(
    IServiceScopeFactory scopes,
    MessageDispatchSignal signal,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<MessageDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private readonly BackgroundFailureLog _failures = new(logger, "The message dispatcher");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) == BatchSize) { }
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

    /// <summary>Delivers the messages due now; returns how many were due.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IOutgoingMessageStore>();
        var due = await store.ListDueAsync(clock.GetUtcNow().UtcDateTime, BatchSize, ct);
        foreach (var message in due)
        {
            await using var attempt = scopes.CreateAsyncScope();
            await attempt.ServiceProvider.GetRequiredService<MessageDelivery>().DeliverAsync(message, ct);
        }
        return due.Count;
    }

}
