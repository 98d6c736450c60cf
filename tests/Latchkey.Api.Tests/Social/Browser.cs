using System.Net;
using System.Net.Http.Json;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Social;

/// <summary>
/// Drives the redirect flow the way a browser does: POST initiate, then follow every redirect across
/// Latchkey and the upstream with one cookie jar, until the browser is sent to the app.
/// </summary>
public static class Browser
{
    /// <summary>Starts sign-in with <paramref name="provider"/> as <paramref name="user"/>; returns where the browser lands.</summary>
    public static async Task<Uri> SignInWithAsync(this HttpClient client, LatchkeyServer server, string provider, UpstreamUser user, string? redirectTo = null)
    {
        var url = await client.InitiateAsync(provider, redirectTo);
        client.SetCookie(server, "upstream_user", user.ToCookie());
        return await client.FollowAsync(server, url);
    }

    public static async Task<string> InitiateAsync(this HttpClient client, string provider, string? redirectTo = null)
    {
        var response = await client.PostAsJsonAsync("/api/auth/oauth/initiate", new { provider, redirectTo });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).Str("url");
    }

    /// <summary>Follows redirects from <paramref name="url"/>; the first one leaving Latchkey and the upstreams is returned, not fetched.</summary>
    public static async Task<Uri> FollowAsync(this HttpClient client, LatchkeyServer server, string url)
    {
        var current = Local(server, new Uri(url));
        for (var hop = 0; hop < 20; hop++)
        {
            using var response = await client.GetAsync(current);
            if ((int)response.StatusCode is < 300 or > 399)
                throw new InvalidOperationException($"{current} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var next = new Uri(current, response.Headers.Location!);
            if (next.Host is not ("127.0.0.1" or "latchkey.test")) return next;
            current = Local(server, next);
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    /// <summary>Follows the upstream's redirects until it sends the browser back to Latchkey's callback; returns that URL unfetched.</summary>
    public static async Task<Uri> FollowToCallbackAsync(this HttpClient client, LatchkeyServer server, string url)
    {
        var current = new Uri(url);
        for (var hop = 0; hop < 20; hop++)
        {
            using var response = await client.GetAsync(current);
            var next = new Uri(current, response.Headers.Location ?? throw new InvalidOperationException($"{current} answered {(int)response.StatusCode}"));
            if (next.Host == "latchkey.test") return Local(server, next); // a callback (Platform or Nhost)
            current = next;
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    /// <summary>
    /// Apple's way back: the provider answers with a self-submitting HTML form, which the browser posts
    /// cross-site to the callback; returns where Latchkey then sends the browser.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormPostAsync(this HttpClient client, LatchkeyServer server, string url)
    {
        var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        var action = System.Text.RegularExpressions.Regex.Match(html, "action=\"([^\"]+)\"").Groups[1].Value;
        var fields = System.Text.RegularExpressions.Regex.Matches(html, "name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        return await client.PostAsync(Local(server, new Uri(WebUtility.HtmlDecode(action))), new FormUrlEncodedContent(fields));
    }

    /// <summary>Latchkey's public URL in tests is a name nobody resolves; the browser reaches the real port.</summary>
    private static Uri Local(LatchkeyServer server, Uri uri) =>
        uri.Host == "latchkey.test" ? new Uri(server.BaseAddress, uri.PathAndQuery) : uri;

    public static string? Query(this Uri uri, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).TryGetValue(name, out var v) ? v.ToString() : null;
}
