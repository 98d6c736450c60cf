using Latchkey.Core.Audit;
using Latchkey.Core.Common;

namespace Latchkey.Core.Webhooks;

/// <summary>
/// Turns the activity rows of the current unit of work into outbox rows, one per matching active subscription.
/// <see cref="ActivityLog"/> hands every row here; the unit of work calls <see cref="FlushAsync"/> just before it
/// saves, so the outbox rows commit in the same transaction as the activity rows, or not at all.
/// </summary>
public sealed class WebhookOutbox(IWebhookStore store)
{
    private List<(string Type, ActivityEntry Entry, Guid? Subject)>? _pending;

    /// <param name="subject">The account the event is about: the row's user, or for a self-deletion (whose row keeps no id) the deleted account.</param>
    public void Collect(ActivityEntry entry, Guid? subject)
    {
        foreach (var type in WebhookEventMap.EventsFor(entry)) (_pending ??= []).Add((type, entry, subject));
    }

    /// <summary>Adds the outbox rows of the events collected so far; true when any was added.</summary>
    public async Task<bool> FlushAsync(CancellationToken ct)
    {
        if (_pending is not { Count: > 0 } pending) return false;
        _pending = null;
        // One small read per save that raised events; read here rather than cached so a subscription created
        // or deleted on another node is in force at once.
        var subscriptions = await store.ListActiveFiltersAsync(ct);
        var added = false;
        foreach (var (type, entry, subject) in pending)
        {
            string? payload = null;
            foreach (var (id, events) in subscriptions)
            {
                if (!WebhookEventFilter.Matches(events, type)) continue;
                payload ??= type == WebhookEventTypes.UserDeleted && subject is { } deleted
                    ? WebhookPayload.UserDeleted(entry, deleted)
                    : WebhookPayload.FromActivity(type, entry);
                store.AddDelivery(new WebhookDelivery
                {
                    Id = Ids.New(), SubscriptionId = id, EventType = type, Payload = payload,
                    CreatedAt = entry.CreatedAt, NextAttemptAt = entry.CreatedAt,
                });
                added = true;
            }
        }
        return added;
    }
}
