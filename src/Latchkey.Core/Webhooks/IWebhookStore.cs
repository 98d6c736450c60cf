namespace Latchkey.Core.Webhooks;

/// <summary>
/// Port for subscriptions and their outbox. Claims are single statements (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>;
/// SQLite: one writer), so any number of dispatchers on one database never send the same attempt twice.
/// </summary>
public interface IWebhookStore
{
    Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken ct);

    /// <summary>Tracked, for a change saved by the unit of work.</summary>
    Task<WebhookSubscription?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>Untracked, for the dispatcher.</summary>
    Task<IReadOnlyList<WebhookSubscription>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Id and event filter of every active subscription: what the outbox fans an event out to.</summary>
    Task<IReadOnlyList<(Guid Id, string Events)>> ListActiveFiltersAsync(CancellationToken ct);

    void Add(WebhookSubscription subscription);

    void AddDelivery(WebhookDelivery delivery);

    /// <summary>Deletes the subscription and all of its delivery records now.</summary>
    Task DeleteAsync(Guid id, CancellationToken ct);

    /// <summary>Newest first; <paramref name="page"/> starts at 1.</summary>
    Task<(IReadOnlyList<WebhookDelivery> Items, int Total)> ListDeliveriesAsync(Guid subscriptionId, string? status, int page, int limit, CancellationToken ct);

    Task<WebhookDelivery?> FindDeliveryAsync(Guid subscriptionId, Guid deliveryId, CancellationToken ct);

    /// <summary>
    /// Takes up to <paramref name="max"/> due pending deliveries for one attempt each: counts the attempt and
    /// holds each row until <paramref name="leaseUntil"/>, so a crash mid-send makes it due again then.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTime now, DateTime leaseUntil, int max, CancellationToken ct);

    /// <summary>
    /// Writes the outcome of one attempt of each delivery, as one batch of statements (inside the caller's transaction
    /// when there is one). Rows deleted meanwhile (their webhook was deleted mid-send) are skipped.
    /// </summary>
    Task RecordAttemptsAsync(IReadOnlyList<WebhookDelivery> deliveries, IReadOnlyList<WebhookAttemptOutcome> outcomes, CancellationToken ct);

    /// <summary>Sets the endpoint's run of failed attempts to <paramref name="added"/> (after a success) or adds it.</summary>
    Task SetFailureRunAsync(Guid subscriptionId, bool reset, int added, CancellationToken ct);

    /// <summary>
    /// Disables the endpoint when <paramref name="gone"/> or its failure run has reached <paramref name="disableAfter"/>,
    /// if it is still active. True when this call disabled it.
    /// </summary>
    Task<bool> DisableAsync(Guid subscriptionId, bool gone, int disableAfter, string reason, DateTime now, CancellationToken ct);

    /// <summary>Makes a finished delivery due again now (same id, fresh attempt count). False if it is pending or missing.</summary>
    Task<bool> RequeueAsync(Guid subscriptionId, Guid deliveryId, DateTime now, CancellationToken ct);

    /// <summary>Deletes delivered rows older than <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneDeliveredAsync(DateTime before, CancellationToken ct);

    /// <summary>Deletes each subscription's finished rows older than its newest <paramref name="keep"/> finished ones; returns how many.</summary>
    Task<int> PruneHistoryAsync(int keep, CancellationToken ct);
}

/// <summary>The result of one attempt, as the delivery row records it.</summary>
public sealed record WebhookAttemptOutcome(string Status, int? StatusCode, int DurationMs, string? Error, DateTime AttemptedAt, DateTime NextAttemptAt);
