using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Webhooks;

/// <summary>
/// One attempt of one claimed delivery: sign with the endpoint's key(s), POST, and record the outcome. 2xx is
/// delivered; 410 Gone fails it and disables the endpoint; anything else is retried with exponential back-off and
/// jitter until the last attempt, then the row is marked failed (never dropped: an administrator may redeliver it).
/// </summary>
public sealed partial class WebhookDeliverer(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    WebhookSecrets secrets,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDeliverer> logger)
{
    public async Task<WebhookAttemptOutcome> DeliverAsync(WebhookDelivery delivery, WebhookSubscription? subscription, CancellationToken ct)
    {
        var settings = options.Value;
        WebhookSendResult result;
        if (subscription is null) result = new WebhookSendResult(null, 0, "The webhook was deleted");
        else if (!subscription.Active) result = new WebhookSendResult(null, 0, "The webhook is disabled");
        else result = await sender.SendAsync(subscription.Url, delivery, SigningKeys(subscription), ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var giveUp = result.Gone || subscription is not { Active: true } || delivery.Attempts >= settings.MaxAttempts;
        var status = result.Succeeded ? WebhookDeliveryStatuses.Delivered : giveUp ? WebhookDeliveryStatuses.Failed : WebhookDeliveryStatuses.Pending;
        var error = result.Succeeded ? null : Truncate(result.Error ?? $"The receiver answered {result.StatusCode}");
        var outcome = new WebhookAttemptOutcome(status, result.StatusCode, result.DurationMs, error, now,
            status == WebhookDeliveryStatuses.Pending ? now + RetryDelay(delivery.Attempts, settings) : now);

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IWebhookStore>();
        await store.RecordAttemptAsync(delivery.Id, outcome, ct);
        if (subscription is not { Active: true }) return outcome;
        if (result.Succeeded)
        {
            if (subscription.ConsecutiveFailures > 0) await store.ResetFailuresAsync(subscription.Id, ct);
            return outcome;
        }
        if (status == WebhookDeliveryStatuses.Pending) LogRetry(logger, delivery.EventType, delivery.Id, delivery.Attempts, error!);
        else LogGaveUp(logger, delivery.EventType, delivery.Id, delivery.Attempts, error!);
        var reason = result.Gone ? "The receiver answered 410 Gone" : $"{settings.DisableAfterFailures} failed attempts in a row";
        if (await store.RecordFailureAsync(subscription.Id, result.Gone, settings.DisableAfterFailures, reason, now, ct))
            await RecordDisabledAsync(scope.ServiceProvider, subscription, reason, ct);
        return outcome;
    }

    private List<byte[]> SigningKeys(WebhookSubscription subscription)
    {
        var keys = new List<byte[]>(2) { secrets.UnprotectKey(subscription.ProtectedSecret) };
        if (subscription.ProtectedPreviousSecret is { } previous && subscription.PreviousSecretExpiresAt > clock.GetUtcNow().UtcDateTime)
            keys.Add(secrets.UnprotectKey(previous));
        return keys;
    }

    private async Task RecordDisabledAsync(IServiceProvider services, WebhookSubscription subscription, string reason, CancellationToken ct)
    {
        LogDisabled(logger, subscription.Id, reason);
        services.GetRequiredService<ActivityLog>().Record(WebhookActivityTypes.Disabled, null, RequestContext.Unknown, success: false,
            new { webhookId = subscription.Id, reason });
        await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
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
