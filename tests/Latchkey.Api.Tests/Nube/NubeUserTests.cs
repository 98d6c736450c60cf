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
    [InlineData("{\"firstName\": \"a first name that is longer than one hundred characters, which is more than the account core allows for it\"}", "firstName")]
    [InlineData("{\"locale\": \"xx\"}", "locale")]
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
    public async Task Patch_me_is_the_account_profile_every_surface_shows()
    {
        var (access, _, _) = await _client.NubeUserAsync();
        await (await _client.PatchJsonAsync("/v1/users/me", new { firstName = "Grace", metadata = new { tier = "gold" } }, access)).NubeDataAsync();
        var platform = await (await _client.GetAsync("/api/user/profile", access)).JsonAsync();
        Assert.Equal("Grace", platform.GetProperty("profile").Str("first_name"));
        var emptied = await (await _client.PatchJsonAsync("/v1/users/me", new { firstName = "", metadata = new { } }, access)).NubeDataAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, emptied.GetProperty("firstName").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, emptied.GetProperty("metadata").ValueKind);
    }

    [Fact]
    public async Task Delete_me_needs_the_current_password_and_changes_nothing_without_it()
    {
        var (access, _, email) = await _client.NubeUserAsync();
        var missing = await (await _client.SendAsync(HttpMethod.Delete, "/v1/users/me", access)).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.True(missing.GetProperty("details").TryGetProperty("currentPassword", out _));
        await (await _client.SendAsync(HttpMethod.Delete, "/v1/users/me", access, new { currentPassword = "not-the-password" }))
            .NubeErrorAsync(HttpStatusCode.BadRequest, "BAD_REQUEST");
        await (await _client.SendAsync(HttpMethod.Delete, "/v1/users/me", access, new { currentPassword = 5 })).NubeErrorAsync(HttpStatusCode.BadRequest, "BAD_REQUEST");
        Assert.Equal(email, (await (await _client.GetAsync("/v1/users/me", access)).NubeDataAsync()).Str("email"));
    }

    [Fact]
    public async Task Delete_me_erases_the_account_through_the_account_core_and_ends_every_session()
    {
        var (access, refresh, email) = await _client.NubeUserAsync();
        var (other, _) = await _client.SimpleLoginAsync(email);
        var id = (await (await _client.GetAsync("/v1/users/me", access)).NubeDataAsync()).GetProperty("id").GetGuid();

        var deleted = await (await _client.SendAsync(HttpMethod.Delete, "/v1/users/me", access, new { currentPassword = Accounts.Password })).NubeDataAsync();
        Assert.Equal((id, true), (deleted.GetProperty("id").GetGuid(), deleted.GetProperty("deleted").GetBoolean()));

        foreach (var token in new[] { access, other })
            await (await _client.GetAsync("/v1/users/me", token)).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await _client.PostJsonAsync("/v1/auth/refresh", new { refreshToken = refresh })).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        var (users, sessions, trace) = await server.QueryAsync(async db => (
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users, u => u.Id == id),
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Sessions, s => s.UserId == id),
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Activity, a => a.UserId == id)));
        Assert.Equal((0, 0, 0), (users, sessions, trace));
    }

    [Fact]
    public async Task Delete_me_refuses_an_api_key()
    {
        var keyed = await server.AdminKeyClientAsync();
        var response = await keyed.SendAsync(HttpMethod.Delete, "/v1/users/me", null, new { currentPassword = Accounts.Password });
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        await response.NubeErrorAsync(response.StatusCode, response.StatusCode == HttpStatusCode.Forbidden ? "FORBIDDEN" : "UNAUTHORIZED");
        Assert.Equal(AdminServer.AdminEmail, (await (await keyed.GetAsync("/v1/users/me")).NubeDataAsync()).Str("email"));
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
