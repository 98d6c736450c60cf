using System.Net.Http.Headers;
using System.Text.Json;

namespace Latchkey.Core.Social;

/// <summary>
/// The one way the social code talks to providers: the named client (with its timeout), JSON bodies
/// capped in size, and every transport or protocol failure folded into <see cref="UpstreamUnavailableException"/>.
/// </summary>
public sealed class UpstreamHttp(IHttpClientFactory factory)
{
    public const string ClientName = "latchkey-social";
    private const int MaxBodyBytes = 256 * 1024;

    public async Task<JsonElement> SendJsonAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var client = factory.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var body = await ReadCappedAsync(response.Content, ct);
            if (!response.IsSuccessStatusCode)
                throw new UpstreamUnavailableException($"{request.RequestUri!.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}: {Describe(body)}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or IOException && !ct.IsCancellationRequested)
        {
            throw new UpstreamUnavailableException($"{request.RequestUri!.GetLeftPart(UriPartial.Path)} could not be used: {ex.Message}", ex);
        }
    }

    public Task<JsonElement> GetJsonAsync(string url, CancellationToken ct) => SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, url), ct);

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) throw new UpstreamUnavailableException("The provider's answer is too large.");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The provider's own error code, if it sent one: useful in logs, never a secret.</summary>
    private static string Describe(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.Str("error") ?? doc.RootElement.Str("message") ?? "no error code";
        }
        catch (JsonException)
        {
            return "not JSON";
        }
    }
}
