using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Nube;

/// <summary>
/// API keys narrowed by scopes chosen at creation: the owner's permissions ∩ the key's, wherever a key acts
/// (<c>/v1/admin/*</c>, <c>POST /v1/licenses/usage</c>); bad scopes refused with nothing written.
/// </summary>
public sealed class NubeApiKeyScopeTests(NubeServer server) : IClassFixture<NubeServer>
{
    [Fact]
    public async Task A_scoped_key_is_refused_403_outside_its_scopes_and_accepted_inside_them()
    {
        var root = await server.RootAsync();
        var usersOnly = await KeyAsync(root, "directory", ["users:read"]);
        var licensesOnly = await KeyAsync(root, "billing", ["licenses:manage"]);
        var unscoped = await KeyAsync(root, "everything", null);

        await (await usersOnly.GetAsync("/v1/admin/users")).NubeBodyAsync();
        var refused = await (await usersOnly.GetAsync("/v1/admin/plans")).NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Contains("licenses:manage", refused.Str("message"));
        await (await usersOnly.PostJsonAsync("/v1/licenses/usage", new { licenseId = Guid.NewGuid(), feature = "api_calls", quantity = 1 }))
            .NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        await (await licensesOnly.GetAsync("/v1/admin/plans")).NubeBodyAsync();
        await (await licensesOnly.GetAsync("/v1/admin/users")).NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await licensesOnly.GetAsync("/v1/users?page=1&limit=5")).NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        // Scopes narrow administrative permissions only: the key still reads its owner's own account.
        await (await usersOnly.GetAsync("/v1/users/me")).NubeDataAsync();
        await (await unscoped.GetAsync("/v1/admin/users")).NubeBodyAsync();
        await (await unscoped.GetAsync("/v1/admin/plans")).NubeBodyAsync();

        var listed = (await (await root.GetAsync("/api/v1/auth/keys")).JsonAsync()).EnumerateArray().ToDictionary(k => k.Str("name"));
        Assert.Equal(["users:read"], listed["directory"].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["licenses:manage"], listed["billing"].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, listed["everything"].GetProperty("scopes").ValueKind);
    }

    [Fact]
    public async Task A_key_with_no_scopes_at_all_has_no_administrative_permission()
    {
        var root = await server.RootAsync();
        var none = await KeyAsync(root, "nothing", []);
        await (await none.GetAsync("/v1/admin/users")).NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await none.GetAsync("/v1/admin/licenses")).NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await none.GetAsync("/v1/licenses/me")).NubeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Unknown_or_unheld_scopes_and_wrong_types_are_400_with_nothing_written()
    {
        var root = await server.RootAsync();
        var (plain, _) = await server.SignedInAsync();
        foreach (var (client, body) in new (HttpClient, object)[]
        {
            (root, new { name = "bad-1", scopes = new[] { "users:read", "everything" } }),
            (root, new { name = "bad-2", scopes = new[] { "" } }),
            (plain, new { name = "bad-3", scopes = new[] { "users:read" } }),
        })
        {
            var refused = await client.PostJsonAsync("/api/v1/auth/keys", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("scope", (await refused.JsonAsync()).Str("error"), StringComparison.OrdinalIgnoreCase);
        }
        foreach (var raw in new[] { "{\"name\":\"bad-4\",\"scopes\":\"users:read\"}", "{\"name\":\"bad-5\",\"scopes\":[1]}" })
        {
            var refused = await root.PostRawAsync("/api/v1/auth/keys", raw);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.False(string.IsNullOrEmpty((await refused.JsonAsync()).Str("error")));
        }

        var names = new List<string>();
        foreach (var client in new[] { root, plain })
            names.AddRange((await (await client.GetAsync("/api/v1/auth/keys")).JsonAsync()).EnumerateArray().Select(k => k.Str("name")));
        Assert.DoesNotContain(names, n => n.StartsWith("bad-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_owner_who_loses_a_permission_takes_it_from_their_keys()
    {
        var root = await server.RootAsync();
        var role = "keyholder" + Guid.NewGuid().ToString("N")[..6];
        await (await root.PostJsonAsync("/api/admin/roles", new { name = role, permissions = new[] { "users:read", "licenses:manage" } })).OkAsync();
        var (owner, _, _) = await server.WithRoleAsync(root, role);
        var scoped = await KeyAsync(owner, "reader", ["users:read"]);
        var unscoped = await KeyAsync(owner, "all", null);
        await (await scoped.GetAsync("/v1/admin/users")).NubeBodyAsync();
        await (await unscoped.GetAsync("/v1/admin/plans")).NubeBodyAsync();

        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/roles/{role}", body: new { permissions = new[] { "licenses:manage" } })).OkAsync();

        await (await scoped.GetAsync("/v1/admin/users")).NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await unscoped.GetAsync("/v1/admin/users")).NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await unscoped.GetAsync("/v1/admin/plans")).NubeBodyAsync();
    }

    /// <summary>A client calling with a new key of the signed-in <paramref name="owner"/>, limited to <paramref name="scopes"/>.</summary>
    private async Task<HttpClient> KeyAsync(HttpClient owner, string name, string[]? scopes)
    {
        var response = await owner.PostJsonAsync("/api/v1/auth/keys", new { name, scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        if (scopes is null) Assert.Equal(JsonValueKind.Null, created.GetProperty("scopes").ValueKind);
        else Assert.Equal(scopes.Order(StringComparer.Ordinal), created.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!));
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", created.Str("apiKey"));
        return client;
    }
}
