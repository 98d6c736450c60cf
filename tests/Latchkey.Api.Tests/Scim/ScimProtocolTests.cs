using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;
using static Latchkey.Api.Tests.Scim.ScimClient;

namespace Latchkey.Api.Tests.Scim;

/// <summary>Discovery, SCIM tokens (who may make them, what they open), and every fallback answer in the SCIM error shape.</summary>
public sealed class ScimProtocolTests(AdminServer server) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task Discovery_is_public_and_says_what_is_supported()
    {
        var anonymous = server.CreateClient();
        var config = await ExpectAsync(await anonymous.GetAsync("/api/scim/v2/ServiceProviderConfig"), HttpStatusCode.OK);
        Assert.True(config.GetProperty("patch").GetProperty("supported").GetBoolean());
        Assert.True(config.GetProperty("bulk").GetProperty("supported").GetBoolean());
        Assert.Equal(1000, config.GetProperty("bulk").GetProperty("maxOperations").GetInt32());
        Assert.Equal(1024 * 1024, config.GetProperty("bulk").GetProperty("maxPayloadSize").GetInt32());
        Assert.True(config.GetProperty("filter").GetProperty("supported").GetBoolean());
        Assert.Equal(200, config.GetProperty("filter").GetProperty("maxResults").GetInt32());
        Assert.True(config.GetProperty("etag").GetProperty("supported").GetBoolean());
        Assert.Equal("oauthbearertoken", config.GetProperty("authenticationSchemes")[0].Str("type"));

        var types = await ExpectAsync(await anonymous.GetAsync("/api/scim/v2/ResourceTypes"), HttpStatusCode.OK);
        Assert.Equal(new[] { "User", "Group" }, types.GetProperty("Resources").EnumerateArray().Select(r => r.Str("id")));
        Assert.Equal("/Users", (await ExpectAsync(await anonymous.GetAsync("/api/scim/v2/ResourceTypes/User"), HttpStatusCode.OK)).Str("endpoint"));
        var schemas = await ExpectAsync(await anonymous.GetAsync("/api/scim/v2/Schemas"), HttpStatusCode.OK);
        Assert.Equal(3, schemas.GetProperty("totalResults").GetInt32());
        var user = await ExpectAsync(await anonymous.GetAsync($"/api/scim/v2/Schemas/{UserSchema}"), HttpStatusCode.OK);
        var attributes = user.GetProperty("attributes").EnumerateArray().Select(a => a.Str("name")).ToList();
        Assert.Contains("userName", attributes);
        Assert.DoesNotContain("addresses", attributes);
        await FailsAsync(await anonymous.GetAsync("/api/scim/v2/Schemas/urn:nope"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tokens_are_made_by_client_managers_open_only_scim_and_stop_when_revoked()
    {
        var scim = await ScimClient.CreateAsync(server);
        Assert.StartsWith("scim_", scim.Token);
        await ExpectAsync(await scim.GetAsync("/Users?count=1"), HttpStatusCode.OK);

        var root = await server.RootAsync();
        var listed = await (await root.GetAsync($"/api/admin/oauth-clients/{scim.ClientRowId}/scim-tokens")).OkAsync();
        var token = Assert.Single(listed.GetProperty("tokens").EnumerateArray());
        Assert.Equal(scim.Token[..10], token.Str("prefix"));
        Assert.False(listed.ToString().Contains(scim.Token, StringComparison.Ordinal));
        var stored = await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ScimTokens, t => t.ClientRowId == scim.ClientRowId));
        Assert.NotEqual(Encoding.UTF8.GetBytes(scim.Token), stored.SecretHash);

        // A SCIM token is no credential anywhere else; other credentials are none here.
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/auth/me", scim.Token)).StatusCode);
        var (user, _) = await server.SignedInAsync();
        await FailsAsync(await user.GetAsync("/api/scim/v2/Users"), HttpStatusCode.Unauthorized);
        await (await user.PostJsonAsync($"/api/admin/oauth-clients/{scim.ClientRowId}/scim-tokens", new { })).FailsAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await root.PostJsonAsync($"/api/admin/oauth-clients/{Guid.NewGuid()}/scim-tokens", new { })).FailsAsync(HttpStatusCode.NotFound, "not_found");

        var anonymous = await server.CreateClient().GetAsync("/api/scim/v2/Users");
        await FailsAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        var forged = new ScimClient(server.CreateClient(), "scim_" + new string('A', 43), scim.ClientRowId);
        await FailsAsync(await forged.GetAsync("/Users"), HttpStatusCode.Unauthorized);

        await (await root.SendAsync(HttpMethod.Delete, $"/api/admin/oauth-clients/{scim.ClientRowId}/scim-tokens/{token.GetProperty("id").GetGuid()}")).OkAsync();
        await FailsAsync(await scim.GetAsync("/Users"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Fallback_answers_under_the_prefix_are_scim_errors()
    {
        var scim = await ScimClient.CreateAsync(server);
        await FailsAsync(await scim.GetAsync("/Nothing"), HttpStatusCode.NotFound);
        var wrongMethod = await scim.SendAsync(HttpMethod.Put, "/Users");
        await FailsAsync(wrongMethod, HttpStatusCode.MethodNotAllowed);
        Assert.NotEmpty(wrongMethod.Content.Headers.Allow);
        await FailsAsync(await scim.SendRawAsync(HttpMethod.Post, "/Users", "{\"userName\": "), HttpStatusCode.BadRequest, "invalidSyntax");
        await FailsAsync(await scim.SendRawAsync(HttpMethod.Post, "/Users", "[1, 2]"), HttpStatusCode.BadRequest, "invalidSyntax");
        await FailsAsync(await scim.SendRawAsync(HttpMethod.Post, "/Users", "{\"userName\":\"a\\u0000b@example.com\"}"), HttpStatusCode.BadRequest);
        await FailsAsync(await scim.SendRawAsync(HttpMethod.Post, "/Users", "userName=a", mediaType: "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await FailsAsync(await scim.SendRawAsync(HttpMethod.Post, "/Users", "{\"userName\":\"" + new string('a', 70_000) + "\"}"), HttpStatusCode.RequestEntityTooLarge);
        // application/json is accepted as well as application/scim+json.
        await ExpectAsync(await scim.SendRawAsync(HttpMethod.Post, "/Users",
            $"{{\"schemas\":[\"{UserSchema}\"],\"userName\":\"{Accounts.NewEmail("json")}\"}}", mediaType: "application/json"), HttpStatusCode.Created);
    }
}
