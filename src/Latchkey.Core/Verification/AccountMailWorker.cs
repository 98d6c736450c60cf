using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Latchkey.Core.Verification;

/// <summary>
/// Runs <see cref="AccountMailQueue"/> jobs one at a time, each in its own scope (its own unit of work).
/// At shutdown the jobs already queued are still run, so an acknowledged request is not silently lost.
/// </summary>
public sealed partial class AccountMailWorker(AccountMailQueue queue, IServiceScopeFactory scopes, ILogger<AccountMailWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken)) await RunAsync(job, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (queue.Reader.TryRead(out var job)) await RunAsync(job, CancellationToken.None);
        }
    }

    private async Task RunAsync(AccountMailJob job, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await job.Run(scope.ServiceProvider, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // One failed job (the database briefly away) must not stop the others; the user can ask again.
            LogFailed(logger, ex, job.Kind);
        }
    }

    [LoggerMessage(LogLevel.Error, "A deferred {Kind} request failed")]
    private static partial void LogFailed(ILogger logger, Exception ex, string kind);
}
