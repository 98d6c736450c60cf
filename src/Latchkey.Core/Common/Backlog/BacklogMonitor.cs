using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Common.Backlog;

/// <summary>
/// The outbox and webhook backlog, read from the database at most once per <see cref="BacklogOptions.CacheDuration"/>
/// whoever asks (a Prometheus scrape, an OTLP export, every readiness probe of every load balancer), so watching the
/// queues costs one small indexed query every few seconds, never one per request. Concurrent callers share one read.
/// </summary>
public sealed class BacklogMonitor(IServiceScopeFactory scopes, TimeProvider clock, IOptions<BacklogOptions> options)
{
    private readonly Lock _gate = new();
    private BacklogSnapshot? _last;
    private Task<BacklogSnapshot>? _reading;

    /// <summary>The last snapshot read, or null before the first read (gauges then report nothing).</summary>
    public BacklogSnapshot? Last => Volatile.Read(ref _last);

    /// <summary>A snapshot no older than the cache duration, read now if the last one is older.</summary>
    public Task<BacklogSnapshot> CurrentAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_last is { } last && clock.GetUtcNow().UtcDateTime - last.ReadAt < options.Value.CacheDuration) return Task.FromResult(last);
            // Cancellation of one caller must not fail the others sharing the read: it runs on no caller's token.
            _reading ??= Task.Run(ReadAsync, CancellationToken.None);
            return _reading.WaitAsync(ct);
        }
    }

    /// <summary>Starts a read in the background when the snapshot is stale (for synchronous readers such as gauges).</summary>
    public void RefreshInBackground() => _ = CurrentAsync(CancellationToken.None).ContinueWith(
        t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);

    private async Task<BacklogSnapshot> ReadAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (outbox, webhooks) = await scope.ServiceProvider.GetRequiredService<IBacklogStore>().ReadAsync(CancellationToken.None);
            var snapshot = new BacklogSnapshot(outbox, webhooks, clock.GetUtcNow().UtcDateTime);
            Volatile.Write(ref _last, snapshot);
            return snapshot;
        }
        finally
        {
            lock (_gate) _reading = null;
        }
    }
}
