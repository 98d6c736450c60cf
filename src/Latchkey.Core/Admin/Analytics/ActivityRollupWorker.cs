using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Latchkey.Core.Admin.Analytics;

/// <summary>Runs <see cref="ActivityRollup"/> once a minute, so a closed hour is in the rollup a minute or so after it ends.</summary>
public sealed class ActivityRollupWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ActivityRollupWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly BackgroundFailureLog _failures = new(logger, "Rolling activity into the analytics rollup");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ActivityRollup>().CatchUpAsync(stoppingToken);
                _failures.Succeeded();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Queries count unrolled buckets live, so a missed round costs speed, not correctness; the next tick resumes.
                _failures.Failed(ex);
            }
        }
    }
}
