using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Host;

/// <summary>A server with one browser app allowed through <c>Latchkey:Cors:AllowedOrigins</c>.</summary>
public sealed class BrowserAppCorsServer : LatchkeyServer
{
    public const string AppOrigin = "http://localhost:3000";

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Latchkey:Cors:AllowedOrigins:0"] = AppOrigin;
}

/// <summary>CORS of the Nhost and Simple APIs for browser apps on another origin (issue 12, item 1).</summary>
public sealed class BrowserAppCorsTests(BrowserAppCorsServer server) : IClassFixture<BrowserAppCorsServer>
{
    private const string Stranger = "https://evil.example.org";

    private Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method = "POST",
        string headers = "content-type")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return server.CreateClient().SendAsync(request);
    }

    private Task<HttpResponseMessage> FromOriginAsync(HttpMethod method, string path, string origin, object? body = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(method, path).WithBearer(bearer);
        if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body);
        request.Headers.Add("Origin", origin);
        return server.CreateClient().SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Theory]
    [InlineData("/v1/signin/email-password", "POST")]
    [InlineData("/v1/signup/email-password", "POST")]
    [InlineData("/v1/user", "GET")]
    [InlineData("/api/v1/auth/login", "POST")]
    [InlineData("/api/v1/auth/keys/0198c3a0-0000-7000-8000-000000000000", "DELETE")]
    public async Task Preflights_from_an_allowed_origin_are_answered_with_the_sdk_headers(string path, string method)
    {
        var response = await PreflightAsync(path, BrowserAppCorsServer.AppOrigin, method, "authorization, content-type, x-hasura-role, x-hasura-admin-secret");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(BrowserAppCorsServer.AppOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal(method, Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("authorization, content-type, x-hasura-role, x-hasura-admin-secret", Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
        Assert.Contains("Origin", Header(response, "Vary"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_preflight_from_another_origin_is_refused_without_cors_headers()
    {
        var response = await PreflightAsync("/v1/signin/email-password", Stranger);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));

        // A header no SDK sends is not granted.
        var odd = await PreflightAsync("/v1/signin/email-password", BrowserAppCorsServer.AppOrigin, headers: "x-not-allowed");
        Assert.DoesNotContain("x-not-allowed", Header(odd, "Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Actual_requests_name_the_allowed_origin_only_and_expose_the_limit_headers()
    {
        var email = Accounts.NewEmail();
        var signUp = await FromOriginAsync(HttpMethod.Post, "/v1/signup/email-password", BrowserAppCorsServer.AppOrigin,
            new { email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        Assert.Equal(BrowserAppCorsServer.AppOrigin, Header(signUp, "Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", Header(signUp, "Access-Control-Expose-Headers"));
        Assert.Contains("Origin", Header(signUp, "Vary"));

        // An error answer (wrong password) is readable by the app too.
        var refused = await FromOriginAsync(HttpMethod.Post, "/v1/signin/email-password", BrowserAppCorsServer.AppOrigin,
            new { email, password = "wrong-" + Accounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(BrowserAppCorsServer.AppOrigin, Header(refused, "Access-Control-Allow-Origin"));

        // A response made without an Origin still says it depends on one, for shared caches.
        Assert.Contains("Origin", Header(await server.CreateClient().GetAsync("/v1/version"), "Vary"));

        var stranger = await FromOriginAsync(HttpMethod.Post, "/api/v1/auth/login", Stranger, new { email, password = Accounts.Password });
        Assert.Null(Header(stranger, "Access-Control-Allow-Origin"));
        Assert.Contains("Origin", Header(stranger, "Vary"));
    }

    [Fact]
    public async Task The_platform_api_and_the_pages_grant_no_cors()
    {
        var login = await PreflightAsync("/api/auth/login", BrowserAppCorsServer.AppOrigin);
        Assert.Null(Header(login, "Access-Control-Allow-Origin"));
        var page = await FromOriginAsync(HttpMethod.Get, "/login", BrowserAppCorsServer.AppOrigin);
        Assert.Null(Header(page, "Access-Control-Allow-Origin"));
    }
}

/// <summary>A wildcard or a path in the allowed origins stops the server at start.</summary>
public sealed class CorsSettingValidationTests
{
    [Theory]
    [InlineData("*")]
    [InlineData("https://*.example.com")]
    [InlineData("https://app.example.com/path")]
    [InlineData("ftp://app.example.com")]
    public void Only_exact_origins_are_accepted(string origin) =>
        Assert.False(Latchkey.Core.Common.CorsOptions.IsExactOrigin(origin));

    [Theory]
    [InlineData("https://app.example.com")]
    [InlineData("http://localhost:3000")]
    public void Exact_origins_are_accepted(string origin) =>
        Assert.True(Latchkey.Core.Common.CorsOptions.IsExactOrigin(origin));
}
