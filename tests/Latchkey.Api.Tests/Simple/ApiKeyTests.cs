using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Common;
using Latchkey.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Simple;

public sealed class ApiKeyTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private readonly HttpClient _client = server.CreateClient();

    private async Task<string> SignedInAsync() => (await _client.SimpleLoginAsync(await _client.RegisterAsync())).Access;

    [Fact]
    public async Task Create_shows_the_secret_once_and_stores_only_its_hash()
    {
        var access = await SignedInAsync();
        var created = await _client.PostJsonAsync("/api/v1/auth/keys", new { name = "My Integration Key" }, access);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var secret = body.Str("apiKey");
        Assert.StartsWith("sk_live_", secret);
        Assert.StartsWith("key_", body.Str("keyId"));
        Assert.Equal("My Integration Key", body.Str("name"));
        Assert.True(body.TryGetProperty("createdAt", out _));

        var list = await (await _client.GetAsync("/api/v1/auth/keys", access)).JsonAsync();
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(body.Str("keyId"), listed.Str("keyId"));
        Assert.False(listed.TryGetProperty("apiKey", out _));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("lastUsed").ValueKind);

        await using var scope = server.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>().ApiKeys.SingleAsync(k => k.Name == "My Integration Key" && k.SecretHash == SecretHash.Sha256(secret));
        Assert.Equal(32, row.SecretHash.Length);
    }

    [Fact]
    public async Task A_key_authenticates_with_X_API_Key_or_Bearer_and_records_last_use()
    {
        var access = await SignedInAsync();
        var created = await (await _client.PostJsonAsync("/api/v1/auth/keys", new { name = "ci" }, access)).JsonAsync();
        var secret = created.Str("apiKey");

        var viaHeader = server.CreateClient();
        viaHeader.DefaultRequestHeaders.Add("X-API-Key", secret);
        Assert.Equal(HttpStatusCode.OK, (await viaHeader.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().GetAsync("/api/auth/me", secret)).StatusCode);

        var listed = Assert.Single((await (await _client.GetAsync("/api/v1/auth/keys", access)).JsonAsync()).EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.String, listed.GetProperty("lastUsed").ValueKind);
    }

    [Fact]
    public async Task Deleting_a_key_revokes_it_at_once_and_a_second_delete_is_404()
    {
        var access = await SignedInAsync();
        var created = await (await _client.PostJsonAsync("/api/v1/auth/keys", new { name = "temp" }, access)).JsonAsync();
        var secret = created.Str("apiKey");
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().GetAsync("/api/auth/me", secret)).StatusCode);

        var deleted = await _client.SendAsync(HttpMethod.Delete, $"/api/v1/auth/keys/{created.Str("keyId")}", access);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await deleted.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/auth/me", secret)).StatusCode);
        var again = await _client.SendAsync(HttpMethod.Delete, $"/api/v1/auth/keys/{created.Str("keyId")}", access);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("{\"error\":\"API key not found\"}", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_users_key_is_not_found_and_garbage_ids_are_404()
    {
        var owner = await SignedInAsync();
        var created = await (await _client.PostJsonAsync("/api/v1/auth/keys", new { name = "mine" }, owner)).JsonAsync();
        var stranger = await SignedInAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(HttpMethod.Delete, $"/api/v1/auth/keys/{created.Str("keyId")}", stranger)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(HttpMethod.Delete, "/api/v1/auth/keys/not-a-key", stranger)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().GetAsync("/api/auth/me", created.Str("apiKey"))).StatusCode);
    }

    [Fact]
    public async Task A_key_cannot_manage_keys()
    {
        var access = await SignedInAsync();
        var secret = (await (await _client.PostJsonAsync("/api/v1/auth/keys", new { name = "limited" }, access)).JsonAsync()).Str("apiKey");

        var response = await server.CreateClient().PostJsonAsync("/api/v1/auth/keys", new { name = "minted" }, secret);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.JsonAsync()).Str("error")));
    }

    [Fact]
    public async Task Key_endpoints_need_authentication_and_validate_names()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync("/api/v1/auth/keys")).StatusCode);
        var access = await SignedInAsync();
        var tooLong = await _client.PostJsonAsync("/api/v1/auth/keys", new { name = new string('k', 101) }, access);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Empty((await (await _client.GetAsync("/api/v1/auth/keys", access)).JsonAsync()).EnumerateArray());
    }
}
