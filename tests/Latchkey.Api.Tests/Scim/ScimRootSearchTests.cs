using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;
using static Latchkey.Api.Tests.Scim.ScimClient;

namespace Latchkey.Api.Tests.Scim;

/// <summary><c>POST /.search</c> at the root (RFC 7644 §3.4.3): users then groups in one ListResponse, paged across both.</summary>
public sealed class ScimRootSearchTests(AdminServer server) : IClassFixture<AdminServer>
{
    private const string SearchSchema = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    [Fact]
    public async Task A_root_search_pages_over_users_then_groups_and_searches_only_the_types_the_filter_fits()
    {
        var scim = await ScimClient.CreateAsync(server);
        var tag = "root-" + Guid.NewGuid().ToString("N")[..8];
        var users = new List<string>();
        for (var i = 1; i <= 2; i++) users.Add((await scim.CreateUserAsync(extra: new { externalId = $"{tag}-u{i}" })).Str("id"));
        var groups = new List<string>();
        for (var i = 1; i <= 2; i++)
            groups.Add((await ExpectAsync(await scim.SendAsync(HttpMethod.Post, "/Groups", new
            {
                schemas = new[] { GroupSchema }, displayName = $"{tag} group {i}", externalId = $"{tag}-g{i}", members = new[] { new { value = users[0] } },
            }), HttpStatusCode.Created)).Str("id"));
        var both = $"externalId sw \"{tag}\"";

        var first = await ExpectAsync(await scim.SendAsync(HttpMethod.Post, "/.search", new { schemas = new[] { SearchSchema }, filter = both, count = 3 }), HttpStatusCode.OK);
        Assert.Equal(4, first.GetProperty("totalResults").GetInt32());
        Assert.Equal(3, first.GetProperty("itemsPerPage").GetInt32());
        var page = first.GetProperty("Resources").EnumerateArray().ToList();
        Assert.Equal(users.Concat(groups.Take(1)), page.Select(r => r.Str("id")));
        Assert.Equal(UserSchema, page[0].GetProperty("schemas")[0].GetString());
        Assert.Equal(GroupSchema, page[2].GetProperty("schemas")[0].GetString());

        // The second page starts in the groups; attributes apply to each resource.
        var second = await ExpectAsync(await scim.SendAsync(HttpMethod.Post, "/.search", new
        {
            schemas = new[] { SearchSchema }, filter = both, startIndex = 3, count = 10, attributes = new[] { "externalId" },
        }), HttpStatusCode.OK);
        Assert.Equal(4, second.GetProperty("totalResults").GetInt32());
        Assert.Equal(3, second.GetProperty("startIndex").GetInt32());
        var rest = second.GetProperty("Resources").EnumerateArray().ToList();
        Assert.Equal(groups, rest.Select(r => r.Str("id")));
        Assert.All(rest, r => Assert.False(r.TryGetProperty("members", out _)));

        // userName exists only on users, members only on groups: each searches one type.
        var onlyUsers = await ExpectAsync(await scim.SendAsync(HttpMethod.Post, "/.search", new
        {
            schemas = new[] { SearchSchema }, filter = $"externalId sw \"{tag}\" and userName pr",
        }), HttpStatusCode.OK);
        Assert.Equal(users.Order(), onlyUsers.GetProperty("Resources").EnumerateArray().Select(r => r.Str("id")).Order());
        var onlyGroups = await ExpectAsync(await scim.SendAsync(HttpMethod.Post, "/.search", new
        {
            schemas = new[] { SearchSchema }, filter = $"members[value eq \"{users[0]}\"]",
        }), HttpStatusCode.OK);
        Assert.Equal(groups.Order(), onlyGroups.GetProperty("Resources").EnumerateArray().Select(r => r.Str("id")).Order());

        // Bad input: a filter for neither type, sortBy, a body without the SearchRequest schema; no token.
        await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/.search", new { schemas = new[] { SearchSchema }, filter = "nosuch eq \"x\"" }), HttpStatusCode.BadRequest, "invalidFilter");
        await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/.search", new { schemas = new[] { SearchSchema }, filter = "externalId eq" }), HttpStatusCode.BadRequest, "invalidFilter");
        await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/.search", new { schemas = new[] { SearchSchema }, sortBy = "meta.created" }), HttpStatusCode.BadRequest, "invalidValue");
        await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/.search", new { filter = both }), HttpStatusCode.BadRequest, "invalidSyntax");
        var anonymous = await server.CreateClient().PostAsync("/api/scim/v2/.search", new StringContent("{}", System.Text.Encoding.UTF8, MediaType));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
