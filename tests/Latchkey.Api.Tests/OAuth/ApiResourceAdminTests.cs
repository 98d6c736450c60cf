using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary><c>/api/admin/api-resources</c>: admin only, validated, in the Platform error shape.</summary>
public sealed class ApiResourceAdminTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    [Fact]
    public async Task Only_admins_manage_api_resources()
    {
        var (user, _) = await server.SignedInBrowserAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/admin/api-resources")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostJsonAsync("/api/admin/api-resources", new { identifier = "https://x.example.com", name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/admin/api-resources")).StatusCode);
    }

    [Fact]
    public async Task Resources_are_created_read_patched_and_deleted()
    {
        var admin = await server.AdminAsync();
        var (identifier, read, _) = await server.CreateApiResourceAsync();
        var list = await (await admin.GetAsync("/api/admin/api-resources")).OkJsonAsync();
        var created = list.GetProperty("resources").EnumerateArray().Single(r => r.Str("identifier") == identifier);
        Assert.Equal(read, created.GetProperty("scopes")[0].Str("value"));
        var id = created.Str("id");

        var patched = await (await admin.SendAsync(HttpMethod.Patch, $"/api/admin/api-resources/{id}", body: new { name = "Renamed" })).OkJsonAsync();
        Assert.Equal("Renamed", patched.GetProperty("resource").Str("name"));
        Assert.Equal(identifier, patched.GetProperty("resource").Str("identifier"));
        Assert.Equal(2, patched.GetProperty("resource").GetProperty("scopes").GetArrayLength());
        Assert.Equal("Renamed", (await (await admin.GetAsync($"/api/admin/api-resources/{id}")).OkJsonAsync()).GetProperty("resource").Str("name"));

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/admin/api-resources/{id}")).StatusCode);
        var gone = await admin.GetAsync($"/api/admin/api-resources/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("not_found", (await gone.JsonAsync()).Str("code"));
    }

    [Theory]
    [InlineData("{\"name\":\"No identifier\"}", 400, "validation_error", "identifier")]
    [InlineData("{\"identifier\":\"not a uri\",\"name\":\"x\"}", 400, "validation_error", "identifier")]
    [InlineData("{\"identifier\":\"https://a.example.com#frag\",\"name\":\"x\"}", 400, "validation_error", "identifier")]
    [InlineData("{\"identifier\":\"http://latchkey.test\",\"name\":\"x\"}", 400, "validation_error", "issuer")]
    [InlineData("{\"identifier\":\"https://b.example.com\",\"name\":\"\"}", 400, "validation_error", "name")]
    [InlineData("{\"identifier\":\"https://c.example.com\",\"name\":\"x\",\"scopes\":[{\"value\":\"openid\",\"description\":\"d\"}]}", 400, "validation_error", "standard")]
    [InlineData("{\"identifier\":\"https://d.example.com\",\"name\":\"x\",\"scopes\":[{\"value\":\"has space\",\"description\":\"d\"}]}", 400, "validation_error", "scopes[].value")]
    [InlineData("{\"identifier\":\"https://e.example.com\",\"name\":\"x\",\"scopes\":[{\"value\":\"e:read\"}]}", 400, "validation_error", "scopes[].description")]
    [InlineData("{\"identifier\":\"https://f.example.com\",\"name\":\"x\",\"scopes\":[null]}", 400, "validation_error", "scopes[].value")]
    public async Task Bad_resources_are_refused_in_the_platform_shape(string body, int status, string code, string mentions)
    {
        var admin = await server.AdminAsync();
        var response = await admin.PostRawAsync("/api/admin/api-resources", body);
        Assert.Equal(status, (int)response.StatusCode);
        var json = await response.JsonAsync();
        Assert.False(json.GetProperty("success").GetBoolean());
        Assert.Equal(code, json.Str("code"));
        Assert.Contains(mentions, json.Str("error"));
    }

    [Fact]
    public async Task Identifiers_and_scope_names_are_unique()
    {
        var admin = await server.AdminAsync();
        var (identifier, read, _) = await server.CreateApiResourceAsync();
        var sameId = await admin.PostJsonAsync("/api/admin/api-resources", new { identifier, name = "Again" });
        Assert.Equal(HttpStatusCode.Conflict, sameId.StatusCode);
        var sameScope = await admin.PostJsonAsync("/api/admin/api-resources",
            new { identifier = "https://other.example.com", name = "Other", scopes = new[] { new { value = read, description = "x" } } });
        Assert.Equal(HttpStatusCode.Conflict, sameScope.StatusCode);
        Assert.Equal("conflict", (await sameScope.JsonAsync()).Str("code"));
    }
}
