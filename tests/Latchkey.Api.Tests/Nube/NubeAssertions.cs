using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Nube;

/// <summary>The Nube envelope, checked on every answer: <c>data</c> and <c>meta.requestId</c>, or the error object; the id also in <c>X-Request-Id</c>.</summary>
public static class NubeAssertions
{
    public static async Task<JsonElement> NubeDataAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await BodyAsync(response, status);
        Assert.False(body.TryGetProperty("error", out _));
        return body.GetProperty("data");
    }

    /// <summary>The whole success body (for list meta).</summary>
    public static Task<JsonElement> NubeBodyAsync(this HttpResponseMessage response) => BodyAsync(response, HttpStatusCode.OK);

    public static async Task<JsonElement> NubeErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await BodyAsync(response, status);
        Assert.False(body.TryGetProperty("data", out _));
        var error = body.GetProperty("error");
        Assert.Equal(code, error.Str("code"));
        Assert.False(string.IsNullOrEmpty(error.Str("message")));
        Assert.Equal(JsonValueKind.Object, error.GetProperty("details").ValueKind);
        Assert.Equal(["error", "meta"], body.EnumerateObject().Select(p => p.Name).ToArray());
        return error;
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        var requestId = body.GetProperty("meta").Str("requestId");
        Assert.Matches("^req_[A-Za-z0-9]{20}$", requestId);
        Assert.Equal(requestId, Assert.Single(response.Headers.GetValues("X-Request-Id")));
        return body;
    }

    /// <summary>A new account signed in through the Nube surface's peers (the Simple API's password sign-in); returns its bearer tokens.</summary>
    public static async Task<(string Access, string Refresh, string Email)> NubeUserAsync(this HttpClient client)
    {
        var email = await client.RegisterAsync();
        var (access, refresh) = await client.SimpleLoginAsync(email);
        return (access, refresh, email);
    }

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, object body, string? bearer) =>
        client.SendAsync(HttpMethod.Patch, path, bearer, body);
}
