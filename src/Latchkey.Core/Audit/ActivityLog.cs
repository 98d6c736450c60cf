using System.Text.Json;
using Latchkey.Core.Common;

namespace Latchkey.Core.Audit;

/// <summary>
/// Adds activity rows to the current unit of work, so an event is saved in the same transaction as
/// the change it records (or not at all).
/// </summary>
public sealed class ActivityLog(IActivityStore store, LatchkeyMetrics metrics, TimeProvider clock)
{
    public void Record(string type, Guid? userId, RequestContext context, bool success = true, object? details = null)
    {
        metrics.Event(type, success);
        store.Add(new ActivityEntry
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
        });
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
