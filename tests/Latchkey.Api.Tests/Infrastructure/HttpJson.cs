using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Latchkey.Api.Tests.Infrastructure;

public static class HttpJson
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body, string? bearer = null) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }.WithBearer(bearer));

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string contentType = "application/json") =>
        client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string? bearer) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path).WithBearer(bearer));

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? bearer = null, object? body = null) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) }.WithBearer(bearer));

    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string? bearer)
    {
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
