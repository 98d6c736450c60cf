using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.OAuth.BackChannel;

/// <summary>
/// The background loop that empties the back-channel logout queue: claims a batch of due notices (so several nodes
/// share the work and each notice goes out from one), signs and POSTs each logout token, deletes the acknowledged
/// ones, and retries the rest with back-off until <see cref="BackChannelLogoutOptions.MaxAttempts"/>. A notice a
/// crashed node had claimed is due again when its lease lapses; failed notices are pruned hourly.
/// </summary>
public sealed partial class BackChannelLogoutSender(
    IServiceScopeFactory scopes,
    BackChannelLogoutSignal signal,
    BackChannelLogout backChannel,
    IOptions<BackChannelLogoutOptions> options,
    TimeProvider clock,
    ILogger<BackChannelLogoutSender> logger) : BackgroundService
{
    public static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private readonly BackgroundFailureLog _failures = new(logger, "The back-channel logout sender");
    private DateTime _nextPrune = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) == options.Value.BatchSize) { }
                await PruneIfDueAsync(stoppingToken);
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

    /// <summary>Claims and sends the notices due now; returns how many were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IBackChannelLogoutStore>();
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await store.ClaimDueAsync(now, now + settings.Lease, settings.BatchSize, ct);
        if (claimed.Count == 0) return 0;
        var clients = (await scope.ServiceProvider.GetRequiredService<IOAuthClientStore>()
            .FindByIdsAsync(claimed.Select(n => n.ClientRowId).Distinct().ToList(), ct)).ToDictionary(c => c.Id);

        // The POSTs run in parallel; the row updates after them one at a time (one scope, one DbContext).
        var outcomes = await Task.WhenAll(claimed.Select(async notice =>
            clients.GetValueOrDefault(notice.ClientRowId) is { BackchannelLogoutUri: not null, Active: true } client
                ? (notice, client.ClientId, Error: await backChannel.SendAsync(client, notice.UserId, notice.SessionId, ct))
                : (notice, null, null)));
        foreach (var (notice, clientId, error) in outcomes)
        {
            if (error is null)
            {
                await store.DeleteAsync(notice.Id, ct);
                continue;
            }
            var reason = error.Length <= 500 ? error : error[..500];
            if (notice.Attempts >= settings.MaxAttempts)
            {
                await store.FailAsync(notice.Id, reason, ct);
                LogGaveUp(logger, clientId!, notice.Id, notice.Attempts, reason);
            }
            else
            {
                var retryAt = clock.GetUtcNow().UtcDateTime + RetryBackoff.Jittered(notice.Attempts, settings.RetryDelay, settings.MaxRetryDelay);
                await store.RetryAsync(notice.Id, retryAt, reason, ct);
                LogRetry(logger, clientId!, notice.Id, notice.Attempts, reason);
            }
        }
        return claimed.Count;
    }

    // Checked at every round against the clock, so a moved clock (tests) or a suspended host prunes when due.
    // On several nodes each prunes; the delete is idempotent.
    private async Task PruneIfDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < _nextPrune) return;
        _nextPrune = now + PruneInterval;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IBackChannelLogoutStore>().PruneFailedAsync(now - options.Value.RetainFailed, ct);
    }

    [LoggerMessage(LogLevel.Information, "Back-channel logout to client {ClientId} (notice {NoticeId}) attempt {Attempt} failed ({Error}); it will be retried")]
    private static partial void LogRetry(ILogger logger, string clientId, Guid noticeId, int attempt, string error);

    [LoggerMessage(LogLevel.Warning, "Back-channel logout to client {ClientId} (notice {NoticeId}) failed {Attempt} times ({Error}); giving up (status 'failed' in backchannel_logouts)")]
    private static partial void LogGaveUp(ILogger logger, string clientId, Guid noticeId, int attempt, string error);
}
