using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Host;

public sealed class HostTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Liveness_and_readiness_answer_healthy()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);
        var ready = await _client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.JsonAsync();
        Assert.Equal("Healthy", body.Str("status"));
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").Str("status"));
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("backlog").Str("status"));
    }

    [Fact]
    public async Task Version_names_the_product()
    {
        var body = await (await _client.GetAsync("/version")).JsonAsync();
        Assert.Equal("Latchkey", body.Str("name"));
        Assert.False(string.IsNullOrEmpty(body.Str("version")));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_endpoints_that_exist()
    {
        // One document per surface (ApiReferenceTests checks the split); together they hold every endpoint.
        var paths = new HashSet<string>();
        foreach (var document in new[] { "platform", "oauth", "nhost", "simple" })
        {
            var response = await _client.GetAsync($"/openapi/{document}.json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            paths.UnionWith((await response.JsonAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name));
        }
        foreach (var path in new[] { "/api/auth/register", "/api/auth/login", "/api/auth/logout", "/api/auth/me", "/api/user/sessions",
                     "/api/user/sessions/revoke-all", "/api/user/password", "/api/user/activity", "/api/v1/auth/login",
                     "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/auth/keys", "/api/v1/auth/keys/{keyId}", "/.well-known/jwks.json" })
            Assert.True(paths.Contains(path), $"{path} is missing from the OpenAPI documents");
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        var response = await _client.GetAsync("/api/auth/me");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}

public sealed class BootstrapAdminServer : LatchkeyServer
{
    public const string Email = "admin@latchkey.test";
    public const string Password = "granite-Orchard-71-steady-Beacon";

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:Admin:Email"] = Email;
        settings["Latchkey:Admin:Password"] = Password;
    }
}

public sealed class BootstrapAdminTests(BootstrapAdminServer server) : IClassFixture<BootstrapAdminServer>
{
    [Fact]
    public async Task The_configured_admin_exists_verified_and_can_sign_in()
    {
        var client = server.CreateClient();
        var user = (await client.PlatformLoginAsync(BootstrapAdminServer.Email, BootstrapAdminServer.Password)).GetProperty("user");
        Assert.Equal("admin", user.Str("role"));
        Assert.True(user.GetProperty("emailVerified").GetBoolean());
    }
}
