using System.Security.Cryptography;
using System.Text;

namespace Latchkey.Core.Webhooks;

/// <summary>
/// The Standard Webhooks signature: base64 HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>,
/// sent as <c>v1,&lt;signature&gt;</c>, one per active key separated by spaces (both keys during a rotation).
/// </summary>
public static class WebhookSigner
{
    public static string Sign(string messageId, long timestamp, string payload, IReadOnlyList<byte[]> keys)
    {
        var content = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{payload}");
        var signatures = new string[keys.Count];
        for (var i = 0; i < keys.Count; i++) signatures[i] = "v1," + Convert.ToBase64String(HMACSHA256.HashData(keys[i], content));
        return string.Join(' ', signatures);
    }
}
