using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;
using static Latchkey.Api.Tests.Scim.ScimClient;

namespace Latchkey.Api.Tests.Scim;

/// <summary>Lists: the RFC 7644 filter grammar run as SQL on the database, sorting, paging, attribute selection, .search.</summary>
public sealed class ScimFilterTests(AdminServer server) : IClassFixture<AdminServer>
{
    private static IEnumerable<string> UserNames(JsonElement list) =>
        list.GetProperty("Resources").EnumerateArray().Select(r => r.Str("userName"));

    private static string Q(string filter) => "filter=" + Uri.EscapeDataString(filter);

    [Fact]
    public async Task Every_operator_and_logical_form_selects_the_right_users()
    {
        var scim = await ScimClient.CreateAsync(server);
        var tag = "f" + Guid.NewGuid().ToString("N")[..10];
        string Mail(int i) => $"{tag}-{i}@example.com";
        await scim.CreateUserAsync(Mail(1), new { title = "Engineer", name = new { givenName = "Alan", familyName = "Turing" }, externalId = tag + "-x1" });
        var b = await scim.CreateUserAsync(Mail(2), new { title = "Manager", name = new { givenName = "Alice", familyName = "Smith" }, emails = new[] { new { value = Mail(2), type = "home" } } });
        var c = await scim.CreateUserAsync(Mail(3), new { name = new { givenName = "Bob", familyName = "Jones" }, active = false });

        async Task Expect(string filter, params int[] which) =>
            Assert.Equal(which.Select(Mail).Order(), UserNames(await scim.ListAsync(Q($"userName sw \"{tag}\" and ({filter})") + "&sortBy=userName")).Order());

        await Expect($"userName eq \"{Mail(1).ToUpperInvariant()}\"", 1);
        await Expect("title eq \"engineer\"", 1);
        await Expect("title ne \"Engineer\"", 2, 3);
        await Expect("name.givenName co \"l\"", 1, 2);
        await Expect("name.familyName ew \"th\"", 2);
        await Expect("title pr", 1, 2);
        await Expect("not (title pr)", 3);
        await Expect("active eq false", 3);
        await Expect("active eq true and title eq \"Manager\" or name.givenName eq \"Bob\"", 2, 3);
        await Expect("name.givenName gt \"Alice\"", 3);
        await Expect("name.givenName le \"Alice\"", 1, 2);
        await Expect($"externalId eq \"{tag}-x1\"", 1);
        await Expect($"externalId eq \"{tag.ToUpperInvariant()}-X1\"");
        await Expect("emails[type eq \"work\" and value co \"-1@\"]", 1);
        await Expect("emails[type eq \"home\"]", 2);
        await Expect("emails[type eq \"work\"].value ew \"-3@example.com\"", 3);
        await Expect($"id eq \"{b.Str("id")}\" or id eq \"{c.Str("id")}\"", 2, 3);
        await Expect("id eq \"not-a-uuid\"");
        await Expect("meta.created ge \"2000-01-01T00:00:00Z\"", 1, 2, 3);
        await Expect("meta.lastModified lt \"2000-01-01T00:00:00Z\"");
        await Expect($"urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"{Mail(2)}\"", 2);
    }

    [Fact]
    public async Task Sorting_paging_and_attribute_selection()
    {
        var scim = await ScimClient.CreateAsync(server);
        var tag = "p" + Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 5; i++) await scim.CreateUserAsync($"{tag}-{i}@example.com", new { title = $"T{4 - i}" });
        var filter = Q($"userName sw \"{tag}\"");

        var page = await scim.ListAsync($"{filter}&sortBy=title&sortOrder=descending&startIndex=2&count=2");
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", page.GetProperty("schemas")[0].GetString());
        Assert.Equal(5, page.GetProperty("totalResults").GetInt32());
        Assert.Equal(2, page.GetProperty("startIndex").GetInt32());
        Assert.Equal(2, page.GetProperty("itemsPerPage").GetInt32());
        Assert.Equal(new[] { $"{tag}-1@example.com", $"{tag}-2@example.com" }, UserNames(page));

        var counted = await scim.ListAsync($"{filter}&count=0");
        Assert.Equal(5, counted.GetProperty("totalResults").GetInt32());
        Assert.Empty(counted.GetProperty("Resources").EnumerateArray());
        Assert.Equal(1, (await scim.ListAsync($"{filter}&startIndex=-3&count=1")).GetProperty("startIndex").GetInt32());

        var slim = (await scim.ListAsync($"{filter}&attributes=userName,name.givenName,emails.value&count=1")).GetProperty("Resources")[0];
        Assert.Equal(new[] { "emails", "id", "name", "schemas", "userName" }, slim.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(new[] { "value" }, slim.GetProperty("emails")[0].EnumerateObject().Select(p => p.Name));
        var fat = (await scim.ListAsync($"{filter}&excludedAttributes=meta,emails,id&count=1")).GetProperty("Resources")[0];
        Assert.False(fat.TryGetProperty("meta", out _));
        Assert.False(fat.TryGetProperty("emails", out _));
        Assert.True(fat.TryGetProperty("id", out _));

        var searched = await ExpectAsync(await scim.SendAsync(HttpMethod.Post, "/Users/.search", new
        {
            schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:SearchRequest" },
            filter = $"userName sw \"{tag}\" and title eq \"T0\"", attributes = new[] { "userName" }, startIndex = 1, count = 10,
        }), HttpStatusCode.OK);
        Assert.Equal(new[] { $"{tag}-4@example.com" }, UserNames(searched));
    }

    [Fact]
    public async Task Invalid_filters_and_list_parameters_are_400()
    {
        var scim = await ScimClient.CreateAsync(server);
        foreach (var filter in new[]
        {
            "userName", "userName eq", "userName xx \"a\"", "(userName eq \"a\"", "userName eq \"a\" and", "userName eq 'a'",
            "nosuch eq \"a\"", "password eq \"a\"", "active eq \"yes\"", "active gt true", "meta.created co \"2020\"",
            "meta.created gt \"yesterday\"", "title eq 12", "emails[type eq \"work\"", "emails[emails[value eq \"a\"]]", "userName eq \"a\" ]",
            "id co \"a\"", "userName gt null", "\"a\" eq userName", new string('(', 40) + "title pr" + new string(')', 40),
        })
            await FailsAsync(await scim.GetAsync("/Users?" + Q(filter)), HttpStatusCode.BadRequest, "invalidFilter");
        await FailsAsync(await scim.GetAsync("/Users?sortBy=password"), HttpStatusCode.BadRequest, "invalidValue");
        await FailsAsync(await scim.GetAsync("/Users?sortOrder=up"), HttpStatusCode.BadRequest, "invalidValue");
        await FailsAsync(await scim.GetAsync("/Users?count=many"), HttpStatusCode.BadRequest, "invalidValue");
        await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/Users/.search", new { filter = "title pr" }), HttpStatusCode.BadRequest, "invalidSyntax");
        await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/Users/.search",
            new { schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:SearchRequest" }, count = "ten" }), HttpStatusCode.BadRequest, "invalidValue");
    }
}
