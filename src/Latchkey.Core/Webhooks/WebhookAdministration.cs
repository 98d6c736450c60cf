using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Webhooks;

/// <summary>
/// The administrator's webhook operations (<c>webhooks:read</c> / <c>webhooks:manage</c>). A secret is returned
/// only by create and rotate; it is stored encrypted and never shown again.
/// </summary>
public sealed class WebhookAdministration(
    IWebhookStore store,
    WebhookDraftValidator validator,
    WebhookSecrets secrets,
    WebhookDeliverer deliverer,
    WebhookDispatchSignal signal,
    AdminAudit audit,
    IUnitOfWork unitOfWork,
    IOptions<WebhookOptions> options,
    TimeProvider clock)
{
    public const int RecentDeliveries = 20;

    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken ct) =>
        (await store.ListAsync(ct)).Select(WebhookView.From).ToList();

    /// <summary>One webhook without its deliveries (the console's pages page through those themselves).</summary>
    public async Task<WebhookView?> FindAsync(Guid id, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } subscription ? WebhookView.From(subscription) : null;

    public async Task<Result<(WebhookView Webhook, IReadOnlyList<WebhookDeliveryView> Deliveries)>> GetAsync(Guid id, string? status, CancellationToken ct)
    {
        if (ValidateStatus(status) is { } invalid) return invalid;
        var subscription = await store.FindAsync(id, ct);
        if (subscription is null) return NotFound;
        var (items, _) = await store.ListDeliveriesAsync(id, status, 1, RecentDeliveries, ct);
        return (WebhookView.From(subscription), items.Select(WebhookDeliveryView.From).ToList());
    }

    public async Task<Result<Page<WebhookDeliveryView>>> DeliveriesAsync(Guid id, string? status, int page, int limit, CancellationToken ct)
    {
        if ((ValidateStatus(status) ?? PageLimits.Validate(page, limit)) is { } invalid) return invalid;
        if (await store.FindAsync(id, ct) is null) return NotFound;
        var (items, total) = await store.ListDeliveriesAsync(id, status, page, limit, ct);
        return new Page<WebhookDeliveryView>(items.Select(WebhookDeliveryView.From).ToList(), total, page, limit);
    }

    public async Task<Result<(WebhookView Webhook, string Secret)>> CreateAsync(WebhookDraft draft, AdminActor actor, CancellationToken ct)
    {
        if (await validator.ValidateAsync(draft, creating: true, ct) is { } invalid) return invalid;
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = draft.Secret ?? WebhookSecrets.Generate();
        var subscription = new WebhookSubscription
        {
            Id = Ids.New(), Url = draft.Url!, Description = draft.Description, Events = WebhookEventFilter.Format(draft.Events!),
            Active = draft.Active ?? true, ProtectedSecret = secrets.Protect(secret), CreatedAt = now, UpdatedAt = now,
        };
        store.Add(subscription);
        audit.Record(WebhookActivityTypes.Created, actor, null, new { webhookId = subscription.Id, events = subscription.EventList });
        await unitOfWork.SaveChangesAsync(ct);
        return (WebhookView.From(subscription), secret);
    }

    public async Task<Result<WebhookView>> UpdateAsync(Guid id, WebhookDraft draft, AdminActor actor, CancellationToken ct)
    {
        if (draft.Secret is not null) return AuthError.Field("secret", "The secret is changed by POST /api/admin/webhooks/{id}/rotate-secret");
        if (await validator.ValidateAsync(draft, creating: false, ct) is { } invalid) return invalid;
        var subscription = await store.FindAsync(id, ct);
        if (subscription is null) return NotFound;
        if (draft.Url is not null) subscription.Url = draft.Url;
        if (draft.Events is not null) subscription.Events = WebhookEventFilter.Format(draft.Events);
        if (draft.Description is not null) subscription.Description = draft.Description.Length == 0 ? null : draft.Description;
        if (draft.Active is { } active)
        {
            // Turning an endpoint back on starts a fresh failure run.
            if (active && !subscription.Active) (subscription.ConsecutiveFailures, subscription.DisabledReason) = (0, null);
            subscription.Active = active;
        }
        subscription.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(WebhookActivityTypes.Updated, actor, null, new { webhookId = id, events = subscription.EventList, subscription.Active });
        await unitOfWork.SaveChangesAsync(ct);
        return WebhookView.From(subscription);
    }

    public async Task<Result<Unit>> DeleteAsync(Guid id, AdminActor actor, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is null) return NotFound;
        await unitOfWork.InTransactionAsync(async token =>
        {
            await store.DeleteAsync(id, token);
            audit.Record(WebhookActivityTypes.Deleted, actor, null, new { webhookId = id });
            await unitOfWork.SaveChangesAsync(token);
            return Unit.Value;
        }, ct);
        return Unit.Value;
    }

    /// <summary>Rotates the signing secret; the old one keeps signing (a second signature) for the configured overlap.</summary>
    public async Task<Result<(WebhookView Webhook, string Secret)>> RotateSecretAsync(Guid id, AdminActor actor, CancellationToken ct)
    {
        var subscription = await store.FindAsync(id, ct);
        if (subscription is null) return NotFound;
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = WebhookSecrets.Generate();
        subscription.ProtectedPreviousSecret = subscription.ProtectedSecret;
        subscription.PreviousSecretExpiresAt = now + options.Value.SecretOverlap;
        subscription.ProtectedSecret = secrets.Protect(secret);
        subscription.UpdatedAt = now;
        audit.Record(WebhookActivityTypes.SecretRotated, actor, null, new { webhookId = id, previousValidUntil = subscription.PreviousSecretExpiresAt });
        await unitOfWork.SaveChangesAsync(ct);
        return (WebhookView.From(subscription), secret);
    }

    /// <summary>
    /// Sends a <c>webhook.test</c> event now and answers with the attempt's outcome (it is retried like any other if it
    /// failed). The activity row naming the administrator is saved with the delivery, before the attempt.
    /// </summary>
    public async Task<Result<WebhookDeliveryView>> TestAsync(Guid id, AdminActor actor, CancellationToken ct)
    {
        var subscription = await store.FindAsync(id, ct);
        if (subscription is null) return NotFound;
        if (!subscription.Active) return new AuthError(AuthErrorCodes.Conflict, "The webhook is disabled; enable it first");
        var now = clock.GetUtcNow().UtcDateTime;
        // Saved already claimed for its first attempt (lease as the dispatcher's), so no dispatcher sends it meanwhile.
        var delivery = new WebhookDelivery
        {
            Id = Ids.New(), SubscriptionId = id, EventType = WebhookEventTypes.Test, Payload = WebhookPayload.Test(id, now),
            Attempts = 1, CreatedAt = now, NextAttemptAt = now + options.Value.Lease,
        };
        store.AddDelivery(delivery);
        audit.Record(WebhookActivityTypes.Tested, actor, null, new { webhookId = id, deliveryId = delivery.Id });
        await unitOfWork.SaveChangesAsync(ct);
        var outcome = (await deliverer.DeliverAsync(subscription, [delivery], ct))[0];
        return WebhookDeliveryView.From(Apply(delivery, outcome));
    }

    public async Task<Result<Unit>> RedeliverAsync(Guid id, Guid deliveryId, AdminActor actor, CancellationToken ct)
    {
        if (await store.FindDeliveryAsync(id, deliveryId, ct) is null) return new AuthError(AuthErrorCodes.NotFound, "No such delivery for this webhook");
        if (!await store.RequeueAsync(id, deliveryId, clock.GetUtcNow().UtcDateTime, ct))
            return new AuthError(AuthErrorCodes.Conflict, "The delivery is still pending; it will be attempted again on its own");
        audit.Record(WebhookActivityTypes.Redelivered, actor, null, new { webhookId = id, deliveryId });
        await unitOfWork.SaveChangesAsync(ct);
        signal.Wake();
        return Unit.Value;
    }

    private static WebhookDelivery Apply(WebhookDelivery delivery, WebhookAttemptOutcome outcome)
    {
        delivery.Status = outcome.Status;
        delivery.LastStatusCode = outcome.StatusCode;
        delivery.LastDurationMs = outcome.DurationMs;
        delivery.LastError = outcome.Error;
        delivery.LastAttemptAt = outcome.AttemptedAt;
        delivery.NextAttemptAt = outcome.NextAttemptAt;
        if (outcome.Status == WebhookDeliveryStatuses.Delivered) delivery.DeliveredAt = outcome.AttemptedAt;
        return delivery;
    }

    private static AuthError? ValidateStatus(string? status) =>
        status is null || WebhookDeliveryStatuses.All.Contains(status) ? null
            : AuthError.Field("status", $"status must be one of {string.Join(", ", WebhookDeliveryStatuses.All)}");

    private static readonly AuthError NotFound = new(AuthErrorCodes.NotFound, "No such webhook");
}
