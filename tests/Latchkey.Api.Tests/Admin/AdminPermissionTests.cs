using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Admin;

/// <summary>Roles and permissions: the built-ins, custom roles, and the one permission each admin endpoint checks.</summary>
public sealed class AdminPermissionTests(AdminServer server) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task Without_a_session_admin_endpoints_answer_401_in_the_platform_shape()
    {
        var anonymous = server.CreateClient();
        foreach (var path in new[] { "/api/admin/users", "/api/admin/roles", "/api/admin/sessions", "/api/admin/activity", "/api/admin/analytics", "/api/admin/oauth-clients" })
            await (await anonymous.GetAsync(path)).FailsAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_moderator_reads_and_locks_users_but_gets_403_on_roles_clients_keys_and_other_changes()
    {
        var root = await server.RootAsync();
        var (moderator, _, _) = await server.WithRoleAsync(root, "moderator");
        var (plain, _, _) = await server.WithRoleAsync(root, "user");
        var (_, targetId, _) = await server.WithRoleAsync(root, "user");

        await (await plain.GetAsync("/api/admin/users")).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await moderator.GetAsync("/api/admin/users")).OkAsync();
        await (await moderator.GetAsync("/api/admin/activity")).OkAsync();
        await (await moderator.GetAsync("/api/admin/sessions")).OkAsync();
        await (await moderator.GetAsync("/api/admin/roles")).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await moderator.GetAsync("/api/admin/stats")).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await moderator.GetAsync("/api/admin/analytics")).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await moderator.PostJsonAsync("/api/admin/roles", new { name = "x", permissions = Array.Empty<string>() })).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await moderator.GetAsync("/api/admin/oauth-clients")).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await moderator.PostAsync("/api/admin/oidc-keys", null)).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await moderator.DeleteAsync($"/api/admin/users/{targetId}")).FailsAsync(HttpStatusCode.Forbidden, "forbidden");

        var locked = await (await moderator.SendAsync(HttpMethod.Put, $"/api/admin/users/{targetId}", body: new { locked = true })).OkAsync();
        Assert.Equal("locked", locked.GetProperty("user").Str("status"));
        await (await moderator.SendAsync(HttpMethod.Put, $"/api/admin/users/{targetId}", body: new { firstName = "Eve" }))
            .FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        var unlocked = await (await moderator.SendAsync(HttpMethod.Put, $"/api/admin/users/{targetId}", body: new { locked = false })).OkAsync();
        Assert.Equal("Ada", unlocked.GetProperty("user").Str("firstName"));
    }

    [Fact]
    public async Task Roles_list_the_built_ins_and_custom_roles_are_created_changed_and_deleted_with_their_rules()
    {
        var root = await server.RootAsync();
        var roles = (await (await root.GetAsync("/api/admin/roles")).OkAsync()).GetProperty("roles").EnumerateArray().ToList();
        var admin = roles.Single(r => r.Str("name") == "admin");
        Assert.True(admin.GetProperty("builtIn").GetBoolean());
        Assert.Contains("settings:write", admin.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(roles.Single(r => r.Str("name") == "user").GetProperty("permissions").EnumerateArray());

        // Bad input: 400 naming the field, nothing written.
        var unknown = await (await root.PostJsonAsync("/api/admin/roles", new { name = "support", permissions = new[] { "users:read", "everything" } }))
            .FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        Assert.True(unknown.GetProperty("details").TryGetProperty("permissions", out _));
        await (await root.PostJsonAsync("/api/admin/roles", new { name = "Bad Name!", permissions = Array.Empty<string>() }))
            .FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.PostRawAsync("/api/admin/roles", "{\"name\":")).FailsAsync(HttpStatusCode.BadRequest, "invalid_request");
        Assert.DoesNotContain("support", await RoleNamesAsync(root));

        var created = await root.PostJsonAsync("/api/admin/roles", new { name = "support", description = "Helpdesk", permissions = new[] { "users:read" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await (await root.PostJsonAsync("/api/admin/roles", new { name = "support", permissions = Array.Empty<string>() })).FailsAsync(HttpStatusCode.Conflict, "conflict");
        await (await root.PostJsonAsync("/api/admin/roles", new { name = "admin", permissions = Array.Empty<string>() })).FailsAsync(HttpStatusCode.Conflict, "conflict");
        await (await root.DeleteAsync("/api/admin/roles/moderator")).FailsAsync(HttpStatusCode.Conflict, "conflict");
        await (await root.SendAsync(HttpMethod.Put, "/api/admin/roles/admin", body: new { permissions = Array.Empty<string>() })).FailsAsync(HttpStatusCode.Conflict, "conflict");

        // A holder of the custom role gets exactly its permissions, and a change is in force on the next request.
        var (helper, helperId, _) = await server.WithRoleAsync(root, "support");
        await (await helper.GetAsync("/api/admin/users")).OkAsync();
        await (await helper.GetAsync("/api/admin/activity")).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await root.SendAsync(HttpMethod.Put, "/api/admin/roles/support", body: new { permissions = new[] { "activity:read" } })).OkAsync();
        await (await helper.GetAsync("/api/admin/users")).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await helper.GetAsync("/api/admin/activity")).OkAsync();

        // In use: not deletable until nobody holds it.
        await (await root.DeleteAsync("/api/admin/roles/support")).FailsAsync(HttpStatusCode.Conflict, "conflict");
        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/users/{helperId}", body: new { role = "user" })).OkAsync();
        await (await root.DeleteAsync("/api/admin/roles/support")).OkAsync();
        Assert.DoesNotContain("support", await RoleNamesAsync(root));
        await (await root.DeleteAsync("/api/admin/roles/support")).FailsAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Nobody_grants_a_role_with_permissions_they_do_not_hold()
    {
        var root = await server.RootAsync();
        await (await root.PostJsonAsync("/api/admin/roles", new { name = "ops", permissions = new[] { "users:read", "users:write", "users:lock" } })).OkAsync();
        var (ops, opsId, _) = await server.WithRoleAsync(root, "ops");
        await (await ops.SendAsync(HttpMethod.Put, $"/api/admin/users/{opsId}", body: new { role = "admin" })).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        var (_, otherId, _) = await server.WithRoleAsync(root, "user");
        await (await ops.SendAsync(HttpMethod.Put, $"/api/admin/users/{otherId}", body: new { role = "moderator" })).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await ops.SendAsync(HttpMethod.Put, $"/api/admin/users/{otherId}", body: new { role = "nope" })).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        Assert.Equal("user", (await (await root.GetAsync($"/api/admin/users/{otherId}")).OkAsync()).GetProperty("user").Str("role"));

        // Not the last administrator either: ops may lock users, but not the only admin.
        var rootId = await root.MyIdAsync();
        await (await ops.SendAsync(HttpMethod.Put, $"/api/admin/users/{rootId}", body: new { locked = true })).FailsAsync(HttpStatusCode.Conflict, "conflict");
    }

    private static async Task<List<string>> RoleNamesAsync(HttpClient root) =>
        (await (await root.GetAsync("/api/admin/roles")).OkAsync()).GetProperty("roles").EnumerateArray().Select(r => r.Str("name")).ToList();
}
