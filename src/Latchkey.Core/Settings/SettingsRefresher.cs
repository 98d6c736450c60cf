using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Latchkey.Core.Settings;

/// <summary>After the host's start-up load (LatchkeyHost), checks their version every <see cref="Interval"/> so a change made on another node is in force here within seconds.</summary>
public sealed class SettingsRefresher(SettingsCache cache, ILogger<SettingsRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time on purpose: this is a poll of the database, not a rule that tests move the clock for.
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await cache.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not refresh the runtime settings; keeping the current ones");
            }
        }
    }
}
