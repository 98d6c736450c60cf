using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Cluster;

/// <summary>
/// The one mechanism by which node caches follow changes made on other nodes: every
/// <see cref="ClusterOptions.ChangePollInterval"/> it reads the <c>change_versions</c> rows (one query
/// for all areas) and tells the subscribers of each area whose version moved. A poll, not LISTEN/NOTIFY,
/// because it works unchanged through PgBouncer in transaction pooling mode and on SQLite. The first
/// poll tells every subscriber, covering changes made between the start-up load and the first read.
/// The node that made a change drops its own entries at once; the feed is for the others.
/// </summary>
public sealed class ChangeFeed(
    IServiceScopeFactory scopes,
    IEnumerable<IChangeSubscriber> subscribers,
    IOptions<ClusterOptions> options,
    ILogger<ChangeFeed> logger) : BackgroundService
{
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly ILookup<string, IChangeSubscriber> _byArea = subscribers.ToLookup(s => s.Area, StringComparer.Ordinal);
    private readonly SemaphoreSlim _polling = new(1, 1);
    private readonly BackgroundFailureLog _failures = new(logger, "Reading the change versions");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time on purpose: this is a poll of the database, not a rule that tests move the clock for.
        using var timer = new PeriodicTimer(options.Value.ChangePollInterval);
        do
        {
            await PollAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One poll: read the versions, notify the areas that moved. Public for the tests that drive it.</summary>
    public async Task PollAsync(CancellationToken ct)
    {
        await _polling.WaitAsync(ct);
        try
        {
            await PollOnceAsync(ct);
        }
        finally
        {
            _polling.Release();
        }
    }

    private async Task PollOnceAsync(CancellationToken ct)
    {
        IReadOnlyList<ChangeVersion> versions;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            versions = await scope.ServiceProvider.GetRequiredService<IChangeVersionStore>().ReadAllAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is away: caches keep what they hold (requests that need the database fail on their own).
            _failures.Failed(ex);
            return;
        }
        _failures.Succeeded();
        foreach (var row in versions)
        {
            if (_seen.TryGetValue(row.Area, out var seen) && seen == row.Version) continue;
            if (await NotifyAsync(row.Area, ct)) _seen[row.Area] = row.Version;
        }
    }

    private async Task<bool> NotifyAsync(string area, CancellationToken ct)
    {
        var ok = true;
        foreach (var subscriber in _byArea[area])
        {
            try
            {
                await subscriber.OnChangedAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Could not follow a change of {Area}; retrying at the next poll: {Reason}", area, ex.Message);
                ok = false;
            }
        }
        return ok;
    }
}
