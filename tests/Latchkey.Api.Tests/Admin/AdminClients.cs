using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Admin;

/// <summary>Signed-in clients with a given role, and assertions on the Admin API's answers.</summary>
public static class AdminClients
{
    public static async Task<HttpClient> RootAsync(this LatchkeyServer server)
    {
        var client = server.CreateClient();
        await client.PlatformLoginAsync(AdminServer.AdminEmail);
        return client;
    }

    /// <summary>A new account given <paramref name="role"/> by the administrator, then signed in (a role change ends earlier sessions).</summary>
    public static async Task<(HttpClient Client, Guid Id, string Email)> WithRoleAsync(this LatchkeyServer server, HttpClient root, string role)
    {
        var (client, email) = await server.SignedInAsync();
        var id = await client.MyIdAsync();
        if (role == "user") return (client, id, email);
        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{id}", body: new { role })).OkAsync();
        var fresh = server.CreateClient();
        await fresh.PlatformLoginAsync(email);
        return (fresh, id, email);
    }

    public static async Task<Guid> MyIdAsync(this HttpClient client) =>
        (await (await client.GetAsync("/api/auth/me")).OkAsync()).GetProperty("user").GetProperty("id").GetGuid();

    public static async Task<JsonElement> OkAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The Platform error shape: success false, a message, the machine code.</summary>
    public static async Task<JsonElement> FailsAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(code, body.Str("code"));
        Assert.False(string.IsNullOrEmpty(body.Str("error")));
        return body;
    }
}
