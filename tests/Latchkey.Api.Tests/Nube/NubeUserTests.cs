using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Nube;

/// <summary><c>/v1/users/me</c>, <c>/v1/sessions</c> and <c>/v1/admin/users</c> (with an API key, as the seed shows).</summary>
public sealed class NubeUserTests(NubeServer server) : IClassFixture<NubeServer>
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Patch_me_changes_the_given_fields_and_keeps_the_others()
    {
        var (access, _, email) = await _client.NubeUserAsync();
        var changed = await (await _client.PatchJsonAsync("/v1/users/me", new { displayName = "Ada L", locale = "en", metadata = new { plan = "pro" } }, access)).NubeDataAsync();
        Assert.Equal("Ada L", changed.Str("displayName"));
        Assert.Equal("pro", changed.GetProperty("metadata").Str("plan"));
        Assert.Equal("Ada", changed.Str("firstName"));

        var me = await (await _client.GetAsync("/v1/users/me", access)).NubeDataAsync();
        Assert.Equal("Ada L", me.Str("displayName"));
        Assert.Equal(email, me.Str("email"));
        var activity = await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Activity, a => a.Type == "profile.updated" && a.UserId == me.GetProperty("id").GetGuid()));
        Assert.Equal(1, activity);
    }

    [Theory]
    [InlineData("{\"displayName\": \"a display name that is far too long to be shown\"}", "displayName")]
    [InlineData("{\"metadata\": [1]}", "metadata")]
    [InlineData("{\"firstName\": \"\"}", "firstName")]
    public async Task Patch_me_refuses_bad_fields_and_changes_nothing(string body, string field)
    {
        var (access, _, _) = await _client.NubeUserAsync();
        var request = new HttpRequestMessage(HttpMethod.Patch, "/v1/users/me") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") }.WithBearer(access);
        var error = await (await _client.SendAsync(request)).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.True(error.GetProperty("details").TryGetProperty(field, out _));
        var me = await (await _client.GetAsync("/v1/users/me", access)).NubeDataAsync();
        Assert.Equal("Ada", me.Str("firstName"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, me.GetProperty("metadata").ValueKind);
    }

    [Fact]
    public async Task Sessions_are_listed_with_paging_meta_and_revoked_one_or_all()
    {
        var email = await _client.RegisterAsync();
        var (a, _) = await _client.SimpleLoginAsync(email);
        var (b, _) = await _client.SimpleLoginAsync(email);
        var (c, _) = await _client.SimpleLoginAsync(email);

        var page = await (await _client.GetAsync("/v1/sessions?page=1&limit=2", a)).NubeBodyAsync();
        Assert.Equal(2, page.GetProperty("data").GetArrayLength());
        var meta = page.GetProperty("meta");
        Assert.Equal((1, 2, 3, 2), (meta.GetProperty("page").GetInt32(), meta.GetProperty("limit").GetInt32(), meta.GetProperty("total").GetInt32(), meta.GetProperty("totalPages").GetInt32()));
        var all = (await (await _client.GetAsync("/v1/sessions?limit=100", a)).NubeDataAsync()).EnumerateArray().ToList();
        var current = Assert.Single(all, s => s.GetProperty("current").GetBoolean());
        var other = all.First(s => !s.GetProperty("current").GetBoolean()).Str("id");

        await (await _client.SendAsync(HttpMethod.Delete, $"/v1/sessions/{other}", a)).NubeDataAsync();
        await (await _client.SendAsync(HttpMethod.Delete, $"/v1/sessions/{other}", a)).NubeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await _client.SendAsync(HttpMethod.Delete, "/v1/sessions/not-a-guid", a)).NubeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(2, (await (await _client.GetAsync("/v1/sessions", a)).NubeBodyAsync()).GetProperty("meta").GetProperty("total").GetInt32());

        var revoked = await (await _client.SendAsync(HttpMethod.Delete, "/v1/sessions", a)).NubeDataAsync();
        Assert.Equal(2, revoked.GetProperty("revoked").GetInt32());
        foreach (var token in new[] { a, b, c })
            await (await _client.GetAsync("/v1/users/me", token)).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.NotEqual(default, current);
    }

    [Fact]
    public async Task Another_users_session_cannot_be_revoked()
    {
        var (mine, _, _) = await _client.NubeUserAsync();
        var (theirs, _, _) = await _client.NubeUserAsync();
        var theirId = (await (await _client.GetAsync("/v1/sessions", theirs)).NubeDataAsync())[0].Str("id");
        await (await _client.SendAsync(HttpMethod.Delete, $"/v1/sessions/{theirId}", mine)).NubeErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await _client.GetAsync("/v1/users/me", theirs)).NubeDataAsync();
    }

    [Theory]
    [InlineData("/v1/sessions?page=0")]
    [InlineData("/v1/sessions?limit=101")]
    [InlineData("/v1/sessions?limit=abc")]
    public async Task Bad_paging_is_refused(string path)
    {
        var (access, _, _) = await _client.NubeUserAsync();
        var response = await _client.GetAsync(path, access);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.NubeErrorAsync(HttpStatusCode.BadRequest, path.Contains("abc") ? "BAD_REQUEST" : "VALIDATION_ERROR");
        Assert.NotNull(error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Admin_users_list_takes_an_api_key_of_an_administrator_and_refuses_others()
    {
        var root = await server.RootAsync();
        var created = await (await root.PostJsonAsync("/api/v1/auth/keys", new { name = "server" })).JsonAsync();
        var admin = server.CreateClient();
        admin.DefaultRequestHeaders.Add("X-API-Key", created.Str("apiKey"));
        await _client.RegisterAsync();

        var body = await (await admin.GetAsync("/v1/admin/users?page=1&limit=1")).NubeBodyAsync();
        Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.True(body.GetProperty("meta").GetProperty("total").GetInt32() >= 2);
        Assert.Equal(body.GetProperty("meta").GetProperty("total").GetInt32(), body.GetProperty("meta").GetProperty("totalPages").GetInt32());
        var seedExample = await (await admin.GetAsync("/v1/users?page=1&limit=20")).NubeBodyAsync();
        Assert.Equal(20, seedExample.GetProperty("meta").GetProperty("limit").GetInt32());

        var (user, _, _) = await _client.NubeUserAsync();
        await (await _client.GetAsync("/v1/admin/users", user)).NubeErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await _client.GetAsync("/v1/admin/users")).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}
