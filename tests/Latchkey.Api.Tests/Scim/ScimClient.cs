using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Latchkey.Api.Tests.Scim;

/// <summary>An identity provider's view of the server: a SCIM token made by the administrator, and SCIM requests with it.</summary>
public sealed class ScimClient(HttpClient http, string token, Guid clientRowId)
{
    public const string MediaType = "application/scim+json";
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public HttpClient Http { get; } = http;
    public string Token { get; } = token;
    public Guid ClientRowId { get; } = clientRowId;

    /// <summary>A new OAuth client and a SCIM token for it, made through the admin API (by <paramref name="admin"/>, else the root administrator).</summary>
    public static async Task<ScimClient> CreateAsync(LatchkeyServer server, HttpClient? admin = null)
    {
        var root = admin ?? await server.RootAsync();
        var created = await (await root.PostJsonAsync("/api/admin/oauth-clients", new
        {
            name = "Identity provider", redirectUris = new[] { "https://idp.example.com/cb" }, grantTypes = new[] { "client_credentials" },
            tokenEndpointAuthMethod = "client_secret_basic",
        })).OkAsync();
        var clientRowId = created.GetProperty("client").GetProperty("id").GetGuid();
        var token = await (await root.PostJsonAsync($"/api/admin/oauth-clients/{clientRowId}/scim-tokens", new { name = "Okta" })).OkAsync();
        return new ScimClient(server.CreateClient(), token.Str("secretToken"), clientRowId);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, Action<HttpRequestMessage>? configure = null) =>
        SendRawAsync(method, path, body is null ? null : JsonSerializer.Serialize(body), configure);

    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? body, Action<HttpRequestMessage>? configure = null, string mediaType = MediaType)
    {
        var request = new HttpRequestMessage(method, "/api/scim/v2" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        configure?.Invoke(request);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public async Task<JsonElement> CreateUserAsync(string? userName = null, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["schemas"] = new[] { UserSchema },
            ["userName"] = userName ?? Accounts.NewEmail("scim"),
            ["name"] = new { givenName = "Ada", familyName = "Lovelace" },
        };
        foreach (var p in extra?.GetType().GetProperties() ?? []) body[p.Name] = p.GetValue(extra);
        return await ExpectAsync(await SendAsync(HttpMethod.Post, "/Users", body), HttpStatusCode.Created);
    }

    public Task<HttpResponseMessage> PatchAsync(string path, params object[] operations) =>
        SendAsync(HttpMethod.Patch, path, new { schemas = new[] { PatchSchema }, Operations = operations });

    public async Task<JsonElement> ListAsync(string query) => await ExpectAsync(await GetAsync("/Users?" + query), HttpStatusCode.OK);

    /// <summary>A string-array claim of a JWT (<c>groups</c>, <c>group_roles</c>), null when the token lacks it.</summary>
    public static string[]? ArrayClaim(string jwt, string name)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(new JsonWebToken(jwt).EncodedPayload));
        return payload.RootElement.TryGetProperty(name, out var values) ? [.. values.EnumerateArray().Select(v => v.GetString()!)] : null;
    }

    /// <summary>The answer's status and SCIM media type, and its body.</summary>
    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        if (text.Length == 0) return default;
        Assert.Equal(MediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The RFC 7644 §3.12 error shape: the Error schema, status as a string, the scimType when given.</summary>
    public static async Task<JsonElement> FailsAsync(HttpResponseMessage response, HttpStatusCode status, string? scimType = null)
    {
        var body = await ExpectAsync(response, status);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", body.GetProperty("schemas")[0].GetString());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), body.Str("status"));
        Assert.False(string.IsNullOrEmpty(body.Str("detail")));
        if (scimType is not null) Assert.Equal(scimType, body.Str("scimType"));
        return body;
    }
}
