using System.Buffers;
using System.Text;
using System.Text.Json;
using Latchkey.Core.Audit;

namespace Latchkey.Core.Webhooks;

/// <summary>
/// The JSON body of an event, version 1: <c>{"type", "version", "timestamp", "data"}</c> as the Standard Webhooks
/// specification suggests. <c>data</c> carries the activity row's facts, which by the activity log's rule never
/// hold a secret (no password, token, code or key material). A breaking change to this shape means version 2.
/// </summary>
public static class WebhookPayload
{
    public const int Version = 1;

    public static string FromActivity(string type, ActivityEntry entry) => Write(type, entry.CreatedAt, data =>
    {
        data.WriteString("activityId", entry.Id);
        if (entry.UserId is { } userId) data.WriteString("userId", userId); else data.WriteNull("userId");
        data.WriteBoolean("success", entry.Success);
        data.WriteString("ipAddress", entry.IpAddress);
        data.WriteString("userAgent", entry.UserAgent);
        data.WritePropertyName("details");
        if (entry.Details is null)
        {
            data.WriteStartObject();
            data.WriteEndObject();
            return;
        }
        using var details = JsonDocument.Parse(entry.Details);
        details.RootElement.WriteTo(data);
    });

    /// <summary>
    /// <c>user.deleted</c>, one shape whichever path deleted the account: the id receivers already hold and who deleted
    /// it (<c>self</c>, <c>admin</c>, <c>scim</c>). The account's personal data is gone, so no address, name, IP or user
    /// agent; not even the acting administrator's, which stays in the activity log.
    /// </summary>
    public static string UserDeleted(ActivityEntry entry, Guid userId) => Write(WebhookEventTypes.UserDeleted, entry.CreatedAt, data =>
    {
        data.WriteString("activityId", entry.Id);
        data.WriteString("userId", userId);
        data.WriteBoolean("success", true);
        data.WriteNull("ipAddress");
        data.WriteNull("userAgent");
        data.WritePropertyName("details");
        data.WriteStartObject();
        data.WriteString("by", WebhookEventMap.DeletedBy(entry));
        data.WriteEndObject();
    });

    public static string Test(Guid subscriptionId, DateTime now) => Write(WebhookEventTypes.Test, now, data =>
    {
        data.WriteString("webhookId", subscriptionId);
        data.WriteString("message", "Test event from Latchkey");
    });

    private static string Write(string type, DateTime timestamp, Action<Utf8JsonWriter> writeData)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteNumber("version", Version);
            json.WriteString("timestamp", DateTime.SpecifyKind(timestamp, DateTimeKind.Utc));
            json.WritePropertyName("data");
            json.WriteStartObject();
            writeData(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
