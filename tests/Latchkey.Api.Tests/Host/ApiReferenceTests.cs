using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.Nhost;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Host;

/// <summary>The API reference: one OpenAPI document per surface, served in Scalar at /docs (issue 12, item 8).</summary>
public sealed partial class ApiReferenceTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static readonly string[] Documents = ["platform", "oauth", "nhost", "simple", "nube", "scim"];

    private async Task<JsonElement> DocumentAsync(string name)
    {
        var response = await server.CreateClient().GetAsync($"/openapi/{name}.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static IEnumerable<(string Operation, JsonElement Definition)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete" or "head" or "options")
            .Select(m => ($"{m.Name.ToUpperInvariant()} {Normalize(path.Name)}", m.Value)));

    /// <summary>"/api/keys/{keyId:guid}" and "api/keys/{keyId}" alike.</summary>
    private static string Normalize(string path) => "/" + RouteParameter().Replace(path.Trim('/'), "{$1}");

    [Fact]
    public async Task Every_mapped_api_route_is_in_exactly_one_document_and_no_page_is_in_any()
    {
        var documented = new List<(string Document, string Operation)>();
        foreach (var name in Documents)
            documented.AddRange(Operations(await DocumentAsync(name)).Select(o => (name, o.Operation)));

        // Independent of the assignment rule: what the endpoints themselves declare, by the assembly of their handler.
        var descriptions = server.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items).ToList();
        string Key(ApiDescription d) => $"{d.HttpMethod} {Normalize(d.RelativePath ?? "")}";
        string? Assembly(ApiDescription d) => d.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault()?.DeclaringType?.Assembly.GetName().Name;
        var apiRoutes = descriptions.Where(d => Assembly(d) == "Latchkey.Api").Select(Key).ToHashSet();
        var pageRoutes = descriptions.Where(d => Assembly(d) == "Latchkey.Pages").Select(Key).ToHashSet();

        Assert.True(apiRoutes.Count > 100, $"only {apiRoutes.Count} API routes found");
        var missing = apiRoutes.Where(r => documented.All(d => d.Operation != r)).ToList();
        Assert.True(missing.Count == 0, "not in any document: " + string.Join(", ", missing));
        var twice = documented.GroupBy(d => d.Operation).Where(g => g.Count() > 1).Select(g => $"{g.Key} in {string.Join("+", g.Select(d => d.Document))}").ToList();
        Assert.True(twice.Count == 0, "in several documents: " + string.Join(", ", twice));
        Assert.DoesNotContain(documented, d => pageRoutes.Contains(d.Operation));
        // The hosted sign-in page (/login) is a page; the APIs' own login operations (/api/..., /v1/auth/login) are not.
        Assert.DoesNotContain(documented, d => d.Operation.Contains("/login") && !d.Operation.Contains("/api/") && d.Operation != "POST /v1/auth/login");
    }

    [Fact]
    public async Task The_nhost_document_has_the_specs_paths_methods_and_statuses()
    {
        var document = await DocumentAsync("nhost");
        var ours = Operations(document).ToDictionary(o => o.Operation, o => o.Definition);
        var spec = NhostSpec.Instance.Operations.ToDictionary(o => $"{o.Method} {Normalize("/v1" + o.Path)}", o => o.Definition);

        Assert.Equal(spec.Keys.Order(), ours.Keys.Order());
        foreach (var (operation, definition) in spec)
        {
            var expected = definition.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order();
            var actual = ours[operation].GetProperty("responses").EnumerateObject().Select(r => r.Name).Order();
            Assert.True(expected.SequenceEqual(actual), $"{operation}: spec {string.Join(",", expected)}, document {string.Join(",", actual)}");
            Assert.Equal(definition.GetProperty("summary").GetString(), ours[operation].GetProperty("summary").GetString());
        }
    }

    [Theory]
    [InlineData("nhost", "POST /v1/signin/email-password", "default", "status,message,error")]
    [InlineData("platform", "POST /api/auth/login", "400", "success,error,code")]
    [InlineData("oauth", "POST /api/oauth/token", "400", "error,error_description")]
    [InlineData("simple", "POST /api/v1/auth/login", "429", "error")]
    [InlineData("nube", "POST /v1/auth/refresh", "400", "error,meta")]
    public async Task Errors_are_documented_in_each_surfaces_own_shape(string name, string operation, string status, string fields)
    {
        var (_, definition) = Operations(await DocumentAsync(name)).Single(o => o.Operation == operation);
        var example = definition.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal(fields.Split(',').Order(), example.EnumerateObject().Select(p => p.Name).Order());
        Assert.False(string.IsNullOrEmpty(definition.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task Protected_operations_name_their_security_scheme_and_request_bodies_have_schemas()
    {
        var nhost = await DocumentAsync("nhost");
        Assert.True(nhost.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("BearerAuthElevated", out _));
        var (_, user) = Operations(nhost).Single(o => o.Operation == "GET /v1/user");
        Assert.True(user.GetProperty("security")[0].TryGetProperty("BearerAuth", out _));
        var (_, signIn) = Operations(nhost).Single(o => o.Operation == "POST /v1/signin/email-password");
        Assert.True(signIn.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _));
        Assert.False(signIn.TryGetProperty("security", out _));
    }

    /// <summary>Operations whose success is not a JSON body, each with why; any other operation must document one.</summary>
    private static readonly Dictionary<string, string> NoJsonSuccess = new()
    {
        ["GET /api/auth/oauth/callback"] = "redirects the browser back to the app",
        ["POST /api/auth/oauth/callback"] = "redirects the browser back to the app (form_post)",
        ["GET /api/oauth/authorize"] = "redirects to sign-in, consent or the client (RFC 6749 §4.1.2)",
        ["POST /api/oauth/authorize"] = "redirects like the GET form",
        ["POST /api/oauth/authorize/consent"] = "the consent page's form; redirects to the client",
        ["POST /api/oauth/device/verify"] = "the device page's form; redirects back to the page",
        ["GET /api/oauth/end-session"] = "redirects to the logout page or the client",
        ["POST /api/oauth/end-session"] = "redirects to the logout page or the client",
        ["POST /api/oauth/revoke"] = "RFC 7009 §2.2: 200 with an empty body",
        ["DELETE /api/v1/auth/keys/{keyId}"] = "204, no body",
        ["GET /api/avatar/{id}"] = "an image/png picture, or 304",
        ["DELETE /api/scim/v2/Users/{id}"] = "RFC 7644 §3.6: 204, no body",
        ["DELETE /api/scim/v2/Groups/{id}"] = "RFC 7644 §3.6: 204, no body",
    };

    [Fact]
    public async Task Every_json_operation_documents_its_success_body_and_every_request_body_has_an_example()
    {
        var problems = new List<string>();
        foreach (var name in Documents)
            foreach (var (operation, definition) in Operations(await DocumentAsync(name)))
            {
                if (definition.TryGetProperty("requestBody", out var body)
                    && !body.GetProperty("content").EnumerateObject().All(m => m.Value.TryGetProperty("example", out var e) && e.ValueKind == JsonValueKind.Object))
                    problems.Add($"{name}: {operation} has a request body without an example");
                if (name == "nhost") continue; // the Nhost document's responses follow the spec file (tested above)
                var documented = definition.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('2')
                    && r.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out _));
                if (documented == NoJsonSuccess.ContainsKey(operation))
                    problems.Add(documented ? $"{name}: {operation} is excluded but documents a JSON success" : $"{name}: {operation} has no 2xx JSON schema");
            }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("platform", "GET /api/admin/users/{id}", "401,403,404")]
    [InlineData("platform", "PUT /api/admin/settings", "401,403")]
    [InlineData("platform", "DELETE /api/user/oauth-clients/{id}", "401,404")]
    [InlineData("platform", "GET /api/auth/me", "401")]
    [InlineData("platform", "POST /api/auth/login", "401,403,423")]
    [InlineData("platform", "POST /api/auth/register", "403,409")]
    [InlineData("simple", "POST /api/v1/auth/login", "401,423")]
    [InlineData("platform", "POST /api/auth/forgot-password", "")]
    [InlineData("simple", "DELETE /api/v1/auth/keys/{keyId}", "401,404")]
    [InlineData("nube", "POST /v1/licenses/activate", "403,404,409")]
    [InlineData("nube", "GET /v1/admin/users", "401,403")]
    [InlineData("oauth", "POST /api/oauth/token", "401")]
    [InlineData("oauth", "GET /api/oauth/userinfo", "401")]
    [InlineData("oauth", "GET /.well-known/jwks.json", "")]
    public async Task Authentication_permission_and_resource_errors_are_listed_where_the_route_can_answer_them(string name, string operation, string statuses)
    {
        var (_, definition) = Operations(await DocumentAsync(name)).Single(o => o.Operation == operation);
        var listed = definition.GetProperty("responses").EnumerateObject().Select(r => r.Name).Where(s => s is "401" or "403" or "404" or "409" or "423");
        Assert.Equal(statuses.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), listed.Order());
    }

    [Fact]
    public async Task Examples_and_success_schemas_carry_the_contracts_members()
    {
        var (_, login) = Operations(await DocumentAsync("platform")).Single(o => o.Operation == "POST /api/auth/login");
        var example = login.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("ada@example.com", example.GetProperty("email").GetString());
        Assert.Equal("velvet-Harbor-92-quiet-Lantern", example.GetProperty("password").GetString());
        // A sign-in answers the user or a two-factor challenge: both bodies are documented.
        Assert.Equal(2, login.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("oneOf").GetArrayLength());

        var oauth = await DocumentAsync("oauth");
        var (_, token) = Operations(oauth).Single(o => o.Operation == "POST /api/oauth/token");
        var schema = token.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
            schema = oauth.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        Assert.True(schema.GetProperty("properties").TryGetProperty("access_token", out _));
        // The token endpoint parses its form itself; the reference still shows one.
        var form = token.GetProperty("requestBody").GetProperty("content").GetProperty("application/x-www-form-urlencoded").GetProperty("example");
        Assert.Equal("authorization_code", form.GetProperty("grant_type").GetString());
    }

    [Fact]
    public async Task Docs_serve_scalar_with_every_surface_selectable()
    {
        var client = server.CreateClient();
        var response = await client.GetAsync("/docs");
        if ((int)response.StatusCode is >= 300 and < 400) response = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var name in Documents) Assert.Contains($"\"openapi/{name}.json\"", html); // resolved against the app root by Scalar
        Assert.DoesNotContain("cdn.", html); // the UI's assets are served by the server itself
    }

    [GeneratedRegex(@"\{([^}:?=]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
