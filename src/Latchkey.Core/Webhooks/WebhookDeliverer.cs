using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Webhooks;

/// <summary>
/// One lane: the claimed deliveries of one endpoint, sent with bounded concurrency, then every outcome saved in
/// one transaction (the delivery rows, the endpoint's failure run, and its disabling if it came to that). 2xx is
/// delivered; 410 Gone fails it and disables the endpoint; anything else is retried with exponential back-off and
/// jitter until the last attempt, then the row is marked failed (never dropped: an administrator may redeliver it).
/// Saving after the lane rather than after each attempt keeps at-least-once: a crash before the save leaves the rows
/// claimed, and they are sent again, with the same webhook-id, when the lease lapses.
/// </summary>
public sealed partial class WebhookDeliverer(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    WebhookSecrets secrets,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDeliverer> logger)
{
    public async Task<IReadOnlyList<WebhookAttemptOutcome>> DeliverAsync(
        WebhookSubscription? subscription, IReadOnlyList<WebhookDelivery> deliveries, CancellationToken ct)
    {
        var settings = options.Value;
        // The keys are decrypted once per lane, not per delivery (Data Protection's unprotect is the dearest step of a send).
        var keys = subscription is { Active: true } ? SigningKeys(subscription) : null;
        var outcomes = new WebhookAttemptOutcome[deliveries.Count];
        var finished = new int[deliveries.Count];
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrencyPerEndpoint, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, deliveries.Count), parallel, async (i, token) =>
        {
            var result = keys is null
                ? new WebhookSendResult(null, 0, subscription is null ? "The webhook was deleted" : "The webhook is disabled")
                : await sender.SendAsync(subscription!.Url, deliveries[i], keys, token);
            outcomes[i] = Outcome(deliveries[i], result, keys is not null, settings);
            finished[Interlocked.Increment(ref done) - 1] = i;
        });
        await RecordAsync(subscription, deliveries, outcomes, finished, settings, ct);
        return outcomes;
    }

    private WebhookAttemptOutcome Outcome(WebhookDelivery delivery, WebhookSendResult result, bool sent, WebhookOptions settings)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var giveUp = result.Gone || !sent || delivery.Attempts >= settings.MaxAttempts;
        var status = result.Succeeded ? WebhookDeliveryStatuses.Delivered : giveUp ? WebhookDeliveryStatuses.Failed : WebhookDeliveryStatuses.Pending;
        var error = result.Succeeded ? null : Truncate(result.Error ?? $"The receiver answered {result.StatusCode}");
        if (status == WebhookDeliveryStatuses.Pending) LogRetry(logger, delivery.EventType, delivery.Id, delivery.Attempts, error!);
        else if (status == WebhookDeliveryStatuses.Failed && sent) LogGaveUp(logger, delivery.EventType, delivery.Id, delivery.Attempts, error!);
        return new WebhookAttemptOutcome(status, result.StatusCode, result.DurationMs, error, now,
            status == WebhookDeliveryStatuses.Pending ? now + RetryDelay(delivery.Attempts, settings) : now);
    }

    private async Task RecordAsync(WebhookSubscription? subscription, IReadOnlyList<WebhookDelivery> deliveries,
        WebhookAttemptOutcome[] outcomes, int[] finished, WebhookOptions settings, CancellationToken ct)
    {
        var run = WebhookFailureRun.From(outcomes, finished);
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IWebhookStore>();
        if (subscription is not { Active: true } || !run.Changes(subscription.ConsecutiveFailures))
        {
            await store.RecordAttemptsAsync(deliveries, outcomes, ct); // one statement batch, one commit
            return;
        }
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var reason = run.Gone ? "The receiver answered 410 Gone" : $"{settings.DisableAfterFailures} failed attempts in a row";
        var disabled = await unitOfWork.InTransactionAsync(async token =>
        {
            await store.RecordAttemptsAsync(deliveries, outcomes, token);
            await store.SetFailureRunAsync(subscription.Id, run.ResetFirst, run.Added, token);
            // Only when this lane could have reached the limit: most failing lanes skip the statement.
            var disabling = (run.Gone || run.Reaches(subscription.ConsecutiveFailures, settings.DisableAfterFailures))
                && await store.DisableAsync(subscription.Id, run.Gone, settings.DisableAfterFailures, reason, clock.GetUtcNow().UtcDateTime, token);
            if (disabling)
                scope.ServiceProvider.GetRequiredService<ActivityLog>().Record(WebhookActivityTypes.Disabled, null, RequestContext.Unknown,
                    success: false, new { webhookId = subscription.Id, reason });
            await unitOfWork.SaveChangesAsync(token);
            return disabling;
        }, ct);
        if (disabled) LogDisabled(logger, subscription.Id, reason);
    }

    private List<byte[]> SigningKeys(WebhookSubscription subscription)
    {
        var keys = new List<byte[]>(2) { secrets.UnprotectKey(subscription.ProtectedSecret) };
        if (subscription.ProtectedPreviousSecret is { } previous && subscription.PreviousSecretExpiresAt > clock.GetUtcNow().UtcDateTime)
            keys.Add(secrets.UnprotectKey(previous));
        return keys;
    }

    internal static TimeSpan RetryDelay(int attempt, WebhookOptions settings) => RetryBackoff.Jittered(attempt, settings.RetryDelay, settings.MaxRetryDelay);

    private static string Truncate(string value) => value.Length <= 500 ? value : value[..500];

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {EventType} delivery {DeliveryId} attempt {Attempt} failed ({Error}); it will be retried")]
    private static partial void LogRetry(ILogger logger, string eventType, Guid deliveryId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventType} delivery {DeliveryId} failed after {Attempt} attempts ({Error}); status 'failed', an administrator may redeliver it")]
    private static partial void LogGaveUp(ILogger logger, string eventType, Guid deliveryId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} disabled: {Reason}")]
    private static partial void LogDisabled(ILogger logger, Guid webhookId, string reason);
}
