using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;
using static Latchkey.Api.Tests.Scim.ScimClient;

namespace Latchkey.Api.Tests.Scim;

/// <summary>
/// Latchkey roles carried by a SCIM group: set by an administrator, held by whoever the identity provider puts in the
/// group, in the permission checks of cookie sessions and access tokens, and in the access token's <c>group_roles</c>.
/// </summary>
public sealed class ScimGroupRoleTests(AdminServer server) : IClassFixture<AdminServer>
{
    private static string[]? GroupRolesOf(string accessToken) => ArrayClaim(accessToken, "group_roles");

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private async Task<string> CustomRoleAsync(HttpClient root, params string[] permissions)
    {
        var name = "grp-" + Tag();
        await (await root.PostJsonAsync("/api/admin/roles", new { name, permissions })).OkAsync();
        return name;
    }

    private static async Task<string> GroupAsync(ScimClient scim, params string[] members) =>
        (await ExpectAsync(await scim.SendAsync(HttpMethod.Post, "/Groups", new
        {
            schemas = new[] { GroupSchema }, displayName = "Auditors " + Tag(), members = members.Select(m => new { value = m }).ToArray(),
        }), HttpStatusCode.Created)).Str("id");

    private static Task<HttpResponseMessage> ActivityAsync(HttpClient client, string? bearer = null) => client.GetAsync("/api/admin/activity", bearer);

    [Fact]
    public async Task Members_gain_and_lose_the_groups_roles_as_the_identity_provider_changes_membership()
    {
        var root = await server.RootAsync();
        var scim = await ScimClient.CreateAsync(server);
        var role = await CustomRoleAsync(root, "activity:read");
        var (member, email) = await server.SignedInAsync();
        var userId = (await member.MyIdAsync()).ToString();
        var api = server.CreateClient();
        var (access, refresh) = await api.SimpleLoginAsync(email);
        Assert.Null(GroupRolesOf(access));

        // In a group without roles, nothing changes.
        var groupId = await GroupAsync(scim, userId);
        await (await ActivityAsync(member)).FailsAsync(HttpStatusCode.Forbidden, "forbidden");

        // The administrator gives the group the role: the cookie session has it on its next request, the next token carries it.
        var set = await (await root.SendAsync(HttpMethod.Put, $"/api/admin/groups/{groupId}/roles", body: new { roles = new[] { role } })).OkAsync();
        Assert.Equal(new[] { role }, set.GetProperty("group").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1, set.GetProperty("group").GetProperty("memberCount").GetInt32());
        await (await ActivityAsync(member)).OkAsync();
        await (await ActivityAsync(api, access)).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        var refreshed = await (await api.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).OkAsync();
        var withRole = refreshed.Str("token");
        Assert.Equal(new[] { role }, GroupRolesOf(withRole));
        await (await ActivityAsync(api, withRole)).OkAsync();
        var details = await (await root.GetAsync($"/api/admin/users/{userId}")).OkAsync();
        Assert.Contains("activity:read", details.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));

        // The identity provider takes the user out (Entra ID's value-filter removal): the permission ends at once, the
        // sessions and tokens minted with the role end too, and a fresh sign-in has no role.
        await ExpectAsync(await scim.PatchAsync($"/Groups/{groupId}", new { op = "remove", path = $"members[value eq \"{userId}\"]" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ActivityAsync(member)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ActivityAsync(api, withRole)).StatusCode);
        var (plain, _) = await server.CreateClient().SimpleLoginAsync(email);
        Assert.Null(GroupRolesOf(plain));
        await (await ActivityAsync(api, plain)).FailsAsync(HttpStatusCode.Forbidden, "forbidden");

        // Okta adds the user back: a token signed in now carries the role again.
        await ExpectAsync(await scim.PatchAsync($"/Groups/{groupId}", new { op = "add", path = "members", value = new[] { new { value = userId } } }), HttpStatusCode.OK);
        var (again, _) = await server.CreateClient().SimpleLoginAsync(email);
        Assert.Equal(new[] { role }, GroupRolesOf(again));
        await (await ActivityAsync(api, again)).OkAsync();

        // A role a group carries cannot be deleted; deleting the group takes the role away.
        await (await root.DeleteAsync($"/api/admin/roles/{role}")).FailsAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(HttpStatusCode.NoContent, (await scim.SendAsync(HttpMethod.Delete, $"/Groups/{groupId}")).StatusCode);
        var (after, _) = await server.CreateClient().SimpleLoginAsync(email);
        Assert.Null(GroupRolesOf(after));
        await (await ActivityAsync(api, after)).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await root.DeleteAsync($"/api/admin/roles/{role}")).OkAsync();
    }

    [Fact]
    public async Task Roles_of_several_groups_add_up_and_a_group_without_roles_leaves_its_members_alone()
    {
        var root = await server.RootAsync();
        var scim = await ScimClient.CreateAsync(server);
        string reader = await CustomRoleAsync(root, "activity:read"), sessions = await CustomRoleAsync(root, "sessions:read");
        var (member, email) = await server.SignedInAsync();
        var userId = (await member.MyIdAsync()).ToString();
        string first = await GroupAsync(scim, userId), second = await GroupAsync(scim, userId), plain = await GroupAsync(scim, userId);
        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/groups/{first}/roles", body: new { roles = new[] { reader } })).OkAsync();
        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/groups/{second}/roles", body: new { roles = new[] { sessions, reader } })).OkAsync();

        var (token, _) = await server.CreateClient().SimpleLoginAsync(email);
        Assert.Equal(new[] { reader, sessions }.Order(StringComparer.Ordinal), GroupRolesOf(token));
        await (await member.GetAsync("/api/admin/sessions")).OkAsync();

        // Leaving a group without roles ends nothing; leaving one of two groups with the same role keeps that role.
        await ExpectAsync(await scim.PatchAsync($"/Groups/{plain}", new { op = "remove", path = $"members[value eq \"{userId}\"]" }), HttpStatusCode.OK);
        await ExpectAsync(await scim.PatchAsync($"/Groups/{first}", new { op = "remove", path = $"members[value eq \"{userId}\"]" }), HttpStatusCode.OK);
        await (await ActivityAsync(member)).OkAsync();
        await (await member.GetAsync("/api/admin/sessions")).OkAsync();

        // The administrator empties the second group's roles: the member is cut off and signs in without them.
        var emptied = await (await root.SendAsync(HttpMethod.Put, $"/api/admin/groups/{second}/roles", body: new { roles = Array.Empty<string>() })).OkAsync();
        Assert.Empty(emptied.GetProperty("group").GetProperty("roles").EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await ActivityAsync(member)).StatusCode);
        var fresh = server.CreateClient();
        await fresh.PlatformLoginAsync(email);
        await (await ActivityAsync(fresh)).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Only_an_administrator_holding_the_roles_permissions_sets_them_and_bad_input_changes_nothing()
    {
        var root = await server.RootAsync();
        var scim = await ScimClient.CreateAsync(server);
        var groupId = await GroupAsync(scim);
        var path = $"/api/admin/groups/{groupId}/roles";

        await (await root.SendAsync(HttpMethod.Put, path, body: new { roles = new[] { "no-such-role" } })).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.SendAsync(HttpMethod.Put, path, body: new { })).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.SendAsync(HttpMethod.Put, path, body: new { roles = Enumerable.Repeat("admin", 17).ToArray() })).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await root.SendAsync(HttpMethod.Put, $"/api/admin/groups/{Guid.NewGuid()}/roles", body: new { roles = new[] { "moderator" } }))
            .FailsAsync(HttpStatusCode.NotFound, "not_found");

        // A moderator reads groups but may not set roles; a role manager may not hand out permissions they lack.
        var (moderator, _, _) = await server.WithRoleAsync(root, "moderator");
        var listed = await (await moderator.GetAsync("/api/admin/groups?limit=100")).OkAsync();
        Assert.Contains(groupId, listed.GetProperty("groups").EnumerateArray().Select(g => g.Str("id")));
        await (await moderator.SendAsync(HttpMethod.Put, path, body: new { roles = new[] { "moderator" } })).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        var manager = await CustomRoleAsync(root, "roles:manage", "users:read");
        var (managerClient, _, _) = await server.WithRoleAsync(root, manager);
        await (await managerClient.SendAsync(HttpMethod.Put, path, body: new { roles = new[] { "admin" } })).FailsAsync(HttpStatusCode.Forbidden, "forbidden");

        var group = (await (await root.GetAsync($"/api/admin/groups/{groupId}")).OkAsync()).GetProperty("group");
        Assert.Empty(group.GetProperty("roles").EnumerateArray());
        await (await root.GetAsync("/api/admin/groups?limit=0")).FailsAsync(HttpStatusCode.BadRequest, "validation_error");

        // SCIM never shows or sets the roles: a PUT of the group keeps them.
        await (await root.SendAsync(HttpMethod.Put, path, body: new { roles = new[] { "moderator" } })).OkAsync();
        var scimGroup = await ExpectAsync(await scim.GetAsync($"/Groups/{groupId}"), HttpStatusCode.OK);
        Assert.False(scimGroup.TryGetProperty("roles", out _));
        await ExpectAsync(await scim.SendAsync(HttpMethod.Put, $"/Groups/{groupId}", new { schemas = new[] { GroupSchema }, displayName = scimGroup.Str("displayName"), roles = new[] { new { value = "admin" } } }), HttpStatusCode.OK);
        var kept = (await (await root.GetAsync($"/api/admin/groups/{groupId}")).OkAsync()).GetProperty("group");
        Assert.Equal(new[] { "moderator" }, kept.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}
