using System.Text.Json;
using Latchkey.Core.Common;
using Latchkey.Core.Webhooks;

namespace Latchkey.Core.Audit;

/// <summary>
/// Adds activity rows to the current unit of work, so an event is saved in the same transaction as
/// the change it records (or not at all). Each row is also handed to the webhook outbox, which adds its
/// deliveries to the same unit of work.
/// </summary>
public sealed class ActivityLog(IActivityStore store, WebhookOutbox webhooks, LatchkeyMetrics metrics, TimeProvider clock)
{
    /// <param name="subjectId">
    /// The account the row is about when the row itself must not name it: a self-deletion keeps no id in the activity
    /// log, yet its <c>user.deleted</c> webhook must tell receivers which account went. Only the outbox sees it.
    /// </param>
    public void Record(string type, Guid? userId, RequestContext context, bool success = true, object? details = null, Guid? subjectId = null)
    {
        metrics.Event(type, success);
        var entry = new ActivityEntry
        {
            Id = Ids.New(),
            UserId = userId,
            Type = type,
            Success = success,
            IpAddress = context.IpAddress,
            UserAgent = Truncate(context.UserAgent, 512),
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ActorId = context.ActorId,
        };
        store.Add(entry);
        webhooks.Collect(entry, subjectId ?? userId);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
