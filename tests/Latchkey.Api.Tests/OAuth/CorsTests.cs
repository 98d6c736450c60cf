using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>A server with one configured CORS origin besides the clients' own.</summary>
public sealed class CorsServer : OAuthServer
{
    public const string ConfiguredOrigin = "https://spa.example.net";

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Latchkey:OAuth:CorsOrigins:0"] = ConfiguredOrigin;
    }
}

/// <summary>CORS answers of the endpoints browsers call cross-origin.</summary>
public sealed class CorsTests(CorsServer server) : IClassFixture<CorsServer>
{
    private const string ClientOrigin = "https://app.example.com"; // the origin of OAuthFlows.RedirectUri
    private const string Stranger = "https://evil.example.org";

    private Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method = "POST")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        return server.CreateClient().SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks.json")]
    public async Task Public_documents_are_readable_from_any_origin_without_credentials(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", Stranger);
        var response = await server.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Token_preflight_is_allowed_for_a_registered_redirect_origin_only()
    {
        await server.CreateClientAsync();
        server.Clock.Advance(TimeSpan.FromSeconds(10)); // past the origin cache's refresh-on-miss interval

        var allowed = await PreflightAsync("/api/oauth/token", ClientOrigin);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(ClientOrigin, Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Equal("POST", Header(allowed, "Access-Control-Allow-Methods"));
        Assert.Contains("authorization", Header(allowed, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase); // the requested headers, echoed
        Assert.Equal("600", Header(allowed, "Access-Control-Max-Age"));
        Assert.Null(Header(allowed, "Access-Control-Allow-Credentials"));
        Assert.Contains("Origin", Header(allowed, "Vary"));

        var refused = await PreflightAsync("/api/oauth/token", Stranger);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(Header(refused, "Access-Control-Allow-Origin"));
        var revoke = await PreflightAsync("/api/oauth/revoke", ClientOrigin);
        Assert.Equal(ClientOrigin, Header(revoke, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Userinfo_allows_the_configured_origin_for_get_and_post()
    {
        var preflight = await PreflightAsync("/api/oauth/userinfo", CorsServer.ConfiguredOrigin, "GET");
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(CorsServer.ConfiguredOrigin, Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal("GET, POST", Header(preflight, "Access-Control-Allow-Methods"));

        // The actual request (here refused: no token) still tells the allowed origin, and lets it read WWW-Authenticate.
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/oauth/userinfo");
        request.Headers.Add("Origin", CorsServer.ConfiguredOrigin);
        var response = await server.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(CorsServer.ConfiguredOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("WWW-Authenticate", Header(response, "Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task The_token_response_names_only_allowed_origins_and_introspection_has_no_cors()
    {
        var client = await server.CreateClientAsync();
        server.Clock.Advance(TimeSpan.FromSeconds(10));
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var code = await browser.CodeAsync(client, pkce);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/oauth/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", client.RedirectUri),
                new("code_verifier", pkce.Verifier)]),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{client.ClientId}:{client.Secret}")));
        request.Headers.Add("Origin", ClientOrigin);
        var response = await server.CreateClient().SendAsync(request);
        await response.OkJsonAsync();
        Assert.Equal(ClientOrigin, Header(response, "Access-Control-Allow-Origin"));

        var stranger = new HttpRequestMessage(HttpMethod.Post, "/api/oauth/token") { Content = new FormUrlEncodedContent([new("grant_type", "refresh_token")]) };
        stranger.Headers.Add("Origin", Stranger);
        Assert.Null(Header(await server.CreateClient().SendAsync(stranger), "Access-Control-Allow-Origin"));

        var introspect = await PreflightAsync("/api/oauth/introspect", ClientOrigin);
        Assert.Null(Header(introspect, "Access-Control-Allow-Origin"));
    }
}
