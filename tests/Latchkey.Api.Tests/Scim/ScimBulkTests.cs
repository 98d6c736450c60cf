using System.Net;
using System.Text;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Latchkey.Api.Tests.Scim.ScimClient;

namespace Latchkey.Api.Tests.Scim;

/// <summary>POST /Bulk (RFC 7644 §3.7): bulkId references in any order, per-operation outcomes, failOnErrors, and bad requests that change nothing.</summary>
public sealed class ScimBulkTests(ScimBulkTests.Server server) : IClassFixture<ScimBulkTests.Server>
{
    /// <summary>Small bulk limits, so the 413 answers are reached with small requests.</summary>
    public sealed class Server : AdminServer
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            base.Configure(settings);
            settings["Latchkey:Scim:MaxBulkOperations"] = "20";
            settings["Latchkey:Scim:MaxBulkPayloadSize"] = "65536";
        }
    }

    private const string BulkSchema = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

    private static object User(string userName) => new { schemas = new[] { UserSchema }, userName, name = new { givenName = "Bulk", familyName = "User" } };

    private static Task<HttpResponseMessage> BulkAsync(ScimClient scim, object[] operations, int? failOnErrors = null) =>
        scim.SendAsync(HttpMethod.Post, "/Bulk", failOnErrors is null
            ? new { schemas = new[] { BulkSchema }, Operations = operations }
            : new { schemas = new[] { BulkSchema }, failOnErrors, Operations = operations });

    private static JsonElement[] Operations(JsonElement response)
    {
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:BulkResponse", response.GetProperty("schemas")[0].GetString());
        return [.. response.GetProperty("Operations").EnumerateArray()];
    }

    [Fact]
    public async Task A_group_names_users_created_further_down_and_later_operations_use_their_bulkIds()
    {
        var scim = await ScimClient.CreateAsync(server);
        string alice = Accounts.NewEmail("bulk"), bob = Accounts.NewEmail("bulk");
        var groupName = "Bulk " + Guid.NewGuid().ToString("N")[..8];
        var response = await ExpectAsync(await BulkAsync(scim,
        [
            new { method = "POST", path = "/Groups", bulkId = "g", data = new { schemas = new[] { GroupSchema }, displayName = groupName,
                members = new[] { new { value = "bulkId:alice" }, new { value = "bulkId:bob" } } } },
            new { method = "POST", path = "/Users", bulkId = "alice", data = User(alice) },
            new { method = "POST", path = "/Users", bulkId = "bob", data = User(bob) },
            new { method = "PATCH", path = "/Users/bulkId:bob", data = new { schemas = new[] { PatchSchema },
                Operations = new[] { new { op = "replace", path = "title", value = "Engineer" } } } },
            new { method = "delete", path = "/Users/bulkId:alice" },
        ]), HttpStatusCode.OK);

        var ops = Operations(response);
        Assert.Equal(new[] { "POST", "POST", "POST", "PATCH", "DELETE" }, ops.Select(o => o.Str("method")));
        Assert.Equal(new[] { "201", "201", "201", "200", "204" }, ops.Select(o => o.Str("status")));
        Assert.Equal(new[] { "g", "alice", "bob" }, ops.Take(3).Select(o => o.Str("bulkId")));
        Assert.All(ops.Take(4), o => Assert.StartsWith("W/\"", o.Str("version")));
        var groupId = ops[0].Str("location").Split('/')[^1];
        var bobId = ops[2].Str("location").Split('/')[^1];
        Assert.EndsWith($"/api/scim/v2/Users/{bobId}", ops[3].Str("location"));
        Assert.Equal(ops[1].Str("location"), ops[4].Str("location"));

        // The group was made with both users; alice's membership went with her account.
        var group = await ExpectAsync(await scim.GetAsync($"/Groups/{groupId}"), HttpStatusCode.OK);
        Assert.Equal(new[] { bobId }, group.GetProperty("members").EnumerateArray().Select(m => m.Str("value")));
        var bobUser = await ExpectAsync(await scim.GetAsync($"/Users/{bobId}"), HttpStatusCode.OK);
        Assert.Equal("Engineer", bobUser.Str("title"));
        Assert.Equal(groupName, Assert.Single(bobUser.GetProperty("groups").EnumerateArray()).Str("display"));
        await FailsAsync(await scim.GetAsync($"/Users/{ops[1].Str("location").Split('/')[^1]}"), HttpStatusCode.NotFound);

        // Each operation wrote its own activity row, naming the client.
        var types = await server.QueryAsync(db => db.Activity.Where(a => a.Details != null && a.Details.Contains(groupId) || a.UserId == Guid.Parse(bobId))
            .Select(a => a.Type).ToListAsync());
        Assert.Contains("scim.group.created", types);
        Assert.Contains("scim.user.created", types);
        Assert.Contains("scim.user.updated", types);
    }

    [Fact]
    public async Task Failed_operations_are_answered_in_place_and_failOnErrors_stops_the_rest()
    {
        var scim = await ScimClient.CreateAsync(server);
        var taken = (await scim.CreateUserAsync()).Str("userName");
        string first = Accounts.NewEmail("bulk"), never = Accounts.NewEmail("bulk");
        var other = (await scim.CreateUserAsync()).Str("id");
        var response = await ExpectAsync(await BulkAsync(scim,
        [
            new { method = "POST", path = "/Users", bulkId = "ok", data = User(first) },
            new { method = "POST", path = "/Users", bulkId = "dup", data = User(taken) },
            new { method = "PUT", path = $"/Users/{other}", version = "W/\"stale\"", data = User(Accounts.NewEmail("bulk")) },
            new { method = "POST", path = "/Groups", bulkId = "grp", data = new { schemas = new[] { GroupSchema }, displayName = "G " + Guid.NewGuid().ToString("N"), members = new[] { new { value = "bulkId:dup" } } } },
            new { method = "POST", path = "/Users", bulkId = "never", data = User(never) },
        ], failOnErrors: 3), HttpStatusCode.OK);

        var ops = Operations(response);
        Assert.Equal(new[] { "201", "409", "412", "400" }, ops.Select(o => o.Str("status")));
        Assert.Equal("uniqueness", ops[1].GetProperty("response").Str("scimType"));
        Assert.Equal("409", ops[1].GetProperty("response").Str("status"));
        Assert.Equal("invalidValue", ops[3].GetProperty("response").Str("scimType"));
        Assert.Contains("dup", ops[3].GetProperty("response").Str("detail"), StringComparison.Ordinal);
        Assert.False(ops[1].TryGetProperty("location", out _));

        // The first operation stays done; the one after the third error never ran.
        Assert.Equal(1, (await scim.ListAsync($"filter=userName eq \"{first}\"")).GetProperty("totalResults").GetInt32());
        Assert.Equal(0, (await scim.ListAsync($"filter=userName eq \"{never}\"")).GetProperty("totalResults").GetInt32());
    }

    [Fact]
    public async Task Circular_references_are_answered_409_and_create_nothing()
    {
        var scim = await ScimClient.CreateAsync(server);
        string a = Accounts.NewEmail("bulk"), b = Accounts.NewEmail("bulk");
        object Managed(string userName, string manager) => new Dictionary<string, object>
        {
            ["schemas"] = new[] { UserSchema, EnterpriseSchema }, ["userName"] = userName,
            [EnterpriseSchema] = new { manager = new { value = manager } },
        };
        var ops = Operations(await ExpectAsync(await BulkAsync(scim,
        [
            new { method = "POST", path = "/Users", bulkId = "a", data = Managed(a, "bulkId:b") },
            new { method = "POST", path = "/Users", bulkId = "b", data = Managed(b, "bulkId:a") },
        ]), HttpStatusCode.OK));
        Assert.All(ops, o => Assert.Equal("409", o.Str("status")));
        Assert.Equal(0, (await scim.ListAsync($"filter=userName eq \"{a}\" or userName eq \"{b}\"")).GetProperty("totalResults").GetInt32());
    }

    [Fact]
    public async Task Malformed_bulk_requests_are_refused_whole_and_change_nothing()
    {
        var scim = await ScimClient.CreateAsync(server);
        var email = Accounts.NewEmail("bulk");
        var good = new { method = "POST", path = "/Users", bulkId = "x", data = User(email) };

        await FailsAsync(await scim.SendAsync(HttpMethod.Post, "/Bulk", new { Operations = new[] { good } }), HttpStatusCode.BadRequest, "invalidSyntax");
        await FailsAsync(await BulkAsync(scim, []), HttpStatusCode.BadRequest, "invalidSyntax");
        await FailsAsync(await BulkAsync(scim, [good, new { method = "GET", path = "/Users" }]), HttpStatusCode.BadRequest, "invalidSyntax");
        await FailsAsync(await BulkAsync(scim, [good, new { method = "POST", path = "/Users", data = User(Accounts.NewEmail("bulk")) }]), HttpStatusCode.BadRequest, "invalidSyntax");
        await FailsAsync(await BulkAsync(scim, [good, new { method = "POST", path = "/Schemas", bulkId = "y", data = User(Accounts.NewEmail("bulk")) }]), HttpStatusCode.BadRequest, "invalidSyntax");
        await FailsAsync(await BulkAsync(scim, [good, new { method = "PUT", path = "/Users", data = User(Accounts.NewEmail("bulk")) }]), HttpStatusCode.BadRequest, "invalidSyntax");
        await FailsAsync(await BulkAsync(scim, [good, new { method = "POST", path = "/Users", bulkId = "x", data = User(Accounts.NewEmail("bulk")) }]), HttpStatusCode.BadRequest, "invalidValue");
        await FailsAsync(await BulkAsync(scim, [good, new { method = "DELETE", path = "/Users/bulkId:nobody" }]), HttpStatusCode.BadRequest, "invalidValue");
        await FailsAsync(await BulkAsync(scim, [good], failOnErrors: 0), HttpStatusCode.BadRequest, "invalidValue");

        // More operations than maxOperations, or a body over maxPayloadSize, is answered 413; both limits are advertised.
        var limits = (await ExpectAsync(await server.CreateClient().GetAsync("/api/scim/v2/ServiceProviderConfig"), HttpStatusCode.OK)).GetProperty("bulk");
        Assert.Equal(20, limits.GetProperty("maxOperations").GetInt32());
        Assert.Equal(65536, limits.GetProperty("maxPayloadSize").GetInt32());
        var tooMany = Enumerable.Range(0, 21).Select(i => (object)new { method = "DELETE", path = $"/Users/{Guid.NewGuid()}" }).ToArray();
        await FailsAsync(await BulkAsync(scim, [good, .. tooMany[1..]]), HttpStatusCode.RequestEntityTooLarge);
        var huge = $"{{\"schemas\":[\"{BulkSchema}\"],\"Operations\":[{{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"x\",\"data\":{{\"userName\":\"{email}\",\"nickName\":\"{new string('n', 70_000)}\"}}}}]}}";
        await FailsAsync(await scim.SendRawAsync(HttpMethod.Post, "/Bulk", huge), HttpStatusCode.RequestEntityTooLarge);
        await FailsAsync(await scim.SendRawAsync(HttpMethod.Post, "/Bulk", "{\"schemas\": ["), HttpStatusCode.BadRequest, "invalidSyntax");
        await FailsAsync(await scim.SendRawAsync(HttpMethod.Post, "/Bulk", JsonSerializer.Serialize(new { schemas = new[] { BulkSchema } }), mediaType: "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await FailsAsync(await server.CreateClient().PostAsync("/api/scim/v2/Bulk", new StringContent("{}", Encoding.UTF8, MediaType)), HttpStatusCode.Unauthorized);

        Assert.Equal(0, (await scim.ListAsync($"filter=userName eq \"{email}\"")).GetProperty("totalResults").GetInt32());
    }
}
