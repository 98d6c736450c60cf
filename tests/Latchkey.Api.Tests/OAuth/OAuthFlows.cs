using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

public sealed record TestClient(string ClientId, string? Secret, string RedirectUri, Guid Id);

public sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce New()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The steps of the OAuth flows as a browser and a client application take them, over real HTTP.</summary>
public static partial class OAuthFlows
{
    public const string RedirectUri = "https://app.example.com/callback";

    public static async Task<HttpClient> AdminAsync(this LatchkeyServer server)
    {
        var admin = server.CreateClient();
        await admin.PlatformLoginAsync(OAuthServer.AdminEmail);
        return admin;
    }

    /// <summary>A client made in the admin console (first-party unless said otherwise).</summary>
    public static async Task<TestClient> CreateClientAsync(
        this LatchkeyServer server, bool firstParty = true, string authMethod = "client_secret_basic", string[]? grantTypes = null,
        object? extra = null)
    {
        var admin = await server.AdminAsync();
        var body = new Dictionary<string, object?>
        {
            ["name"] = "Test app",
            ["redirectUris"] = new[] { RedirectUri },
            ["postLogoutRedirectUris"] = new[] { "https://app.example.com/signed-out" },
            ["grantTypes"] = grantTypes ?? ["authorization_code", "refresh_token"],
            ["tokenEndpointAuthMethod"] = authMethod,
            ["firstParty"] = firstParty,
        };
        foreach (var p in extra?.GetType().GetProperties() ?? []) body[p.Name] = p.GetValue(extra);
        var response = await admin.PostJsonAsync("/api/admin/oauth-clients", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        var client = json.GetProperty("client");
        var secret = json.GetProperty("clientSecret").ValueKind == JsonValueKind.String ? json.Str("clientSecret") : null;
        return new TestClient(client.Str("clientId"), secret, RedirectUri, client.GetProperty("id").GetGuid());
    }

    /// <summary>A browser with a signed-in session (cookie) for a new account; returns it and the email.</summary>
    public static async Task<(HttpClient Browser, string Email)> SignedInBrowserAsync(this LatchkeyServer server)
    {
        var browser = server.CreateClient();
        var email = await browser.RegisterAsync();
        await browser.PlatformLoginAsync(email);
        return (browser, email);
    }

    public static string AuthorizeUrl(TestClient client, Pkce? pkce, string scope = "openid profile email offline_access", string? extra = null,
        string? redirectUri = null, string method = "S256")
    {
        var q = $"response_type=code&client_id={client.ClientId}&redirect_uri={Uri.EscapeDataString(redirectUri ?? client.RedirectUri)}"
            + $"&scope={Uri.EscapeDataString(scope)}&state=st-123&nonce=n-456";
        if (pkce is not null) q += $"&code_challenge={pkce.Challenge}&code_challenge_method={method}";
        return "/api/oauth/authorize?" + q + (extra is null ? "" : "&" + extra);
    }

    public static async Task<Uri> AuthorizeAsync(this HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    public static Dictionary<string, string> Query(this Uri location)
    {
        var parsed = HttpUtility.ParseQueryString(location.IsAbsoluteUri ? location.Query : new Uri(new Uri("http://x"), location).Query);
        return parsed.AllKeys.ToDictionary(k => k!, k => parsed[k]!);
    }

    /// <summary>Runs authorize for a signed-in browser and returns the code (first-party client: no consent step).</summary>
    public static async Task<string> CodeAsync(this HttpClient browser, TestClient client, Pkce pkce, string scope = "openid profile email offline_access")
    {
        var location = await browser.AuthorizeAsync(AuthorizeUrl(client, pkce, scope));
        Assert.StartsWith(client.RedirectUri, location.ToString());
        var query = location.Query();
        Assert.Equal("st-123", query["state"]);
        return query["code"];
    }

    public static Task<HttpResponseMessage> TokenAsync(this LatchkeyServer server, TestClient client, params (string Key, string Value)[] form) =>
        server.PostFormAsync("/api/oauth/token", client, form);

    public static Task<HttpResponseMessage> PostFormAsync(this LatchkeyServer server, string path, TestClient? client, params (string Key, string Value)[] form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))),
        };
        if (client?.Secret is { } secret)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(client.ClientId)}:{Uri.EscapeDataString(secret)}")));
        return server.CreateClient().SendAsync(request);
    }

    public static Task<HttpResponseMessage> ExchangeAsync(this LatchkeyServer server, TestClient client, string code, Pkce pkce) =>
        server.TokenAsync(client, ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", client.RedirectUri), ("code_verifier", pkce.Verifier));

    public static async Task<JsonElement> OkJsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task AssertOAuthErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(error, json.GetProperty("error").GetString());
        Assert.True(json.TryGetProperty("error_description", out _));
    }

    /// <summary>The hidden inputs of the first form on a page (antiforgery token included).</summary>
    public static Dictionary<string, string> FormFields(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string path, IEnumerable<KeyValuePair<string, string>> form) =>
        browser.PostAsync(path, new FormUrlEncodedContent(form));

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\" ?/?>")]
    private static partial Regex HiddenInput();
}
