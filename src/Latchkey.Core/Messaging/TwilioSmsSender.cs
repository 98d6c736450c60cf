using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Messaging;

/// <summary>
/// Sends through Twilio's Messages API, or any provider that speaks it: a form POST to
/// <c>/2010-04-01/Accounts/{AccountSid}/Messages.json</c> with HTTP Basic (SID, auth token), answered 201.
/// </summary>
public sealed class TwilioSmsSender(IHttpClientFactory clients, IOptions<SmsOptions> options) : ISmsSender
{
    public const string HttpClientName = "twilio";

    public async Task SendAsync(string to, string text, string template, CancellationToken ct)
    {
        var twilio = options.Value.Twilio;
        var form = new List<KeyValuePair<string, string>> { new("To", to), new("Body", text) };
        form.Add(string.IsNullOrEmpty(twilio.MessagingServiceSid) ? new("From", twilio.From!) : new("MessagingServiceSid", twilio.MessagingServiceSid));
        var url = $"{twilio.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid!)}/Messages.json";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));

        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        if (response.IsSuccessStatusCode) return;
        throw new InvalidOperationException($"SMS provider answered {(int)response.StatusCode}: {await ErrorAsync(response, ct)}");
    }

    // Twilio errors are {"code": 21211, "message": "...", "status": 400}; keep them short for the log.
    private static async Task<string> ErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return $"{(root.TryGetProperty("code", out var code) ? code.ToString() : "?")} {(root.TryGetProperty("message", out var m) ? m.GetString() : "")}";
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
