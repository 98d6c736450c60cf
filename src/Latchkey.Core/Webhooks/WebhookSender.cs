using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Webhooks;

/// <summary>One signed POST to a receiver. Only the status matters: the body is never read.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public async Task<WebhookSendResult> SendAsync(string url, WebhookDelivery delivery, IReadOnlyList<byte[]> keys, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.Sign(delivery.MessageId, timestamp, delivery.Payload, keys));
        request.Headers.UserAgent.ParseAdd("Latchkey-Webhooks/1");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(WebhookHttp.ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new WebhookSendResult((int)response.StatusCode, Elapsed(started), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WebhookSendResult(null, Elapsed(started), $"No response within {options.Value.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return new WebhookSendResult(null, Elapsed(started), ex.GetBaseException().Message);
        }
    }

    private static int Elapsed(long started) => (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}

/// <summary>The receiver's status code, or null with an error when no response came.</summary>
public sealed record WebhookSendResult(int? StatusCode, int DurationMs, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
    public bool Gone => StatusCode == 410;
}
