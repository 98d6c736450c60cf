using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Latchkey.Core.Challenges;

/// <summary>
/// Deletes expired challenge tickets every few minutes. Used tickets are deleted when redeemed;
/// this removes the abandoned ones (a password step never followed by a code, passkey options never
/// used), so anonymous option requests cannot grow the table without bound.
/// </summary>
public sealed class ExpiredChallengeSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ExpiredChallengeSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private readonly BackgroundFailureLog _failures = new(logger, "Deleting expired challenge tickets");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
                _failures.Succeeded();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed sweep (database briefly away) is retried at the next tick; nothing depends on it.
                _failures.Failed(ex);
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IAuthChallengeStore>();
        return await store.DeleteExpiredAsync(clock.GetUtcNow().UtcDateTime, ct);
    }
}
