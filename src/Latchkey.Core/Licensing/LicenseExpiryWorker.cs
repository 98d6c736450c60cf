using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Latchkey.Core.Licensing;

/// <summary>
/// Raises <c>license.expired</c> (an activity row, and through the outbox a webhook event) when a trial or a term
/// ends. The status itself needs no job (it is computed from the clock at each read); this pushes the news. Each
/// license is claimed with one conditional UPDATE in the activity row's transaction, so with several nodes each
/// expiry is raised exactly once, and a crash between the two leaves neither.
/// </summary>
public sealed class LicenseExpiryWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LicenseExpiryWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is briefly away: the next tick finds the same licenses (nothing was marked).
                logger.LogWarning(ex, "Raising license expiry events failed; retrying at the next tick");
            }
        }
    }

    /// <summary>Raises the events of every license that lapsed by now; returns how many this node raised.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var raised = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ILicenseStore>();
            var now = clock.GetUtcNow().UtcDateTime;
            var lapsed = await store.ListLapsedAsync(now, Batch, ct);
            foreach (var license in lapsed)
                if (await RaiseAsync(scope.ServiceProvider, store, license, now, ct)) raised++;
            if (lapsed.Count < Batch) return raised;
        }
    }

    private static Task<bool> RaiseAsync(IServiceProvider services, ILicenseStore store, License license, DateTime now, CancellationToken ct)
    {
        var unitOfWork = services.GetRequiredService<IUnitOfWork>();
        var activity = services.GetRequiredService<ActivityLog>();
        var trialEnded = license.Status == LicenseStatuses.Trialing && license.TrialEndsAt <= now && !(license.EndsAt <= license.TrialEndsAt);
        return unitOfWork.InTransactionAsync(async token =>
        {
            if (!await store.TryMarkExpiryNotifiedAsync(license.Id, now, token)) return false;
            activity.Record(ActivityTypes.LicenseExpired, license.UserId, RequestContext.Unknown, details: new
            {
                licenseId = license.Id,
                reason = trialEnded ? "trial_ended" : "term_ended",
                endedAt = trialEnded ? license.TrialEndsAt : license.EndsAt,
            });
            await unitOfWork.SaveChangesAsync(token);
            return true;
        }, ct);
    }
}
