using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;
using static Latchkey.Api.Tests.Scim.ScimClient;

namespace Latchkey.Api.Tests.Scim;

/// <summary>SCIM Groups: create, members as Okta and Entra ID change them, the users' groups attribute, filters, delete.</summary>
public sealed class ScimGroupTests(AdminServer server) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task Members_are_added_and_removed_the_ways_identity_providers_do_it()
    {
        var scim = await ScimClient.CreateAsync(server);
        var u1 = (await scim.CreateUserAsync()).Str("id");
        var u2 = (await scim.CreateUserAsync()).Str("id");
        var u3 = (await scim.CreateUserAsync()).Str("id");
        var name = "Engineering " + Guid.NewGuid().ToString("N")[..8];
        var created = await ExpectAsync(await scim.SendAsync(HttpMethod.Post, "/Groups", new
        {
            schemas = new[] { GroupSchema }, displayName = name, externalId = "okta-grp-1", members = new[] { new { value = u1 } },
        }), HttpStatusCode.Created);
        var id = created.Str("id");
        Assert.Equal(u1, Assert.Single(created.GetProperty("members").EnumerateArray()).Str("value"));

        // Okta: add with a value list; Entra ID: remove with a value list, and remove by value filter.
        await ExpectAsync(await scim.PatchAsync($"/Groups/{id}", new { op = "add", path = "members", value = new[] { new { value = u2 }, new { value = u3 }, new { value = u1 } } }), HttpStatusCode.OK);
        await ExpectAsync(await scim.PatchAsync($"/Groups/{id}", new { op = "Remove", path = "members", value = new[] { new { value = u2 } } }), HttpStatusCode.OK);
        var after = await ExpectAsync(await scim.PatchAsync($"/Groups/{id}", new { op = "remove", path = $"members[value eq \"{u1}\"]" }), HttpStatusCode.OK);
        Assert.Equal(new[] { u3 }, after.GetProperty("members").EnumerateArray().Select(m => m.Str("value")));

        var member = await ExpectAsync(await scim.GetAsync($"/Users/{u3}"), HttpStatusCode.OK);
        var group = Assert.Single(member.GetProperty("groups").EnumerateArray());
        Assert.Equal(id, group.Str("value"));
        Assert.Equal(name, group.Str("display"));

        // Rename with a path-less replace, then filters by name and by member.
        var renamed = await ExpectAsync(await scim.PatchAsync($"/Groups/{id}", new { op = "replace", value = new { id, displayName = name + " R&D" } }), HttpStatusCode.OK);
        Assert.Equal(name + " R&D", renamed.Str("displayName"));
        var byName = await ExpectAsync(await scim.GetAsync("/Groups?excludedAttributes=members&filter=" + Uri.EscapeDataString($"displayName eq \"{(name + " r&d").ToUpperInvariant()}\"")), HttpStatusCode.OK);
        var listed = Assert.Single(byName.GetProperty("Resources").EnumerateArray());
        Assert.False(listed.TryGetProperty("members", out _));
        var byMember = await ExpectAsync(await scim.GetAsync("/Groups?filter=" + Uri.EscapeDataString($"members[value eq \"{u3}\"]")), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(byMember.GetProperty("Resources").EnumerateArray()).Str("id"));

        // PUT replaces the member list.
        var replaced = await ExpectAsync(await scim.SendAsync(HttpMethod.Put, $"/Groups/{id}", new
        {
            schemas = new[] { GroupSchema }, displayName = name, members = new[] { new { value = u1 }, new { value = u2 } },
        }), HttpStatusCode.OK);
        Assert.Equal(new[] { u1, u2 }.Order(), replaced.GetProperty("members").EnumerateArray().Select(m => m.Str("value")).Order());

        Assert.Equal(HttpStatusCode.NoContent, (await scim.SendAsync(HttpMethod.Delete, $"/Groups/{id}")).StatusCode);
        await FailsAsync(await scim.GetAsync($"/Groups/{id}"), HttpStatusCode.NotFound);
        Assert.False((await ExpectAsync(await scim.GetAsync($"/Users/{u1}"), HttpStatusCode.OK)).TryGetProperty("groups", out _));
    }

    [Fact]
    public async Task Bad_group_documents_are_refused()
    {
        var scim = await ScimClient.CreateAsync(server);
        var name = "Dup " + Guid.NewGuid().ToString("N")[..8];
        var group = await ExpectAsync(await scim.SendAsync(HttpMethod.Post, "/Groups", new { schemas = new[] { GroupSchema }, displayName = name }), HttpStatusCode.Created);
        await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/Groups", new { schemas = new[] { GroupSchema }, displayName = name.ToLowerInvariant() }), HttpStatusCode.Conflict, "uniqueness");
        await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/Groups", new { schemas = new[] { GroupSchema } }), HttpStatusCode.BadRequest, "invalidValue");
        await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/Groups", new { schemas = new[] { GroupSchema }, displayName = "X " + name, members = new[] { new { value = Guid.NewGuid().ToString() } } }),
            HttpStatusCode.BadRequest, "invalidValue");
        await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/Groups", new { schemas = new[] { GroupSchema }, displayName = "Y " + name, members = new[] { new { value = group.Str("id"), type = "Group" } } }),
            HttpStatusCode.BadRequest, "invalidValue");
        await FailsAsync(await scim.PatchAsync($"/Groups/{group.Str("id")}", new { op = "replace", path = "meta", value = new { } }), HttpStatusCode.BadRequest, "mutability");
        await FailsAsync(await scim.GetAsync("/Groups?filter=" + Uri.EscapeDataString("members co \"a\"")), HttpStatusCode.BadRequest, "invalidFilter");
        await FailsAsync(await scim.SendAsync(HttpMethod.Delete, $"/Groups/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }
}
