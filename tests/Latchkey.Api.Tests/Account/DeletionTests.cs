using System.Net;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.OAuth;
using Latchkey.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Account;

/// <summary>
/// <c>DELETE /api/user/delete</c>: proof of identity, then the account and everything it owns gone in one
/// transaction (checked table by table), no token left working, one anonymous activity row, and the last
/// administrator kept.
/// </summary>
public sealed class DeletionTests(AccountServer server) : IClassFixture<AccountServer>
{
    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, object? body, string? bearer = null) =>
        client.SendAsync(HttpMethod.Delete, "/api/user/delete", bearer, body);

    [Fact]
    public async Task A_wrong_or_missing_password_deletes_nothing()
    {
        var (client, _) = await server.SignedInAsync();
        await (await DeleteAsync(client, new { password = "not-my-password-at-all" })).FailsAsync(HttpStatusCode.BadRequest, "invalid_current_password");
        await (await DeleteAsync(client, new { })).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await DeleteAsync(client, null)).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await client.GetAsync("/api/auth/me")).OkAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await DeleteAsync(server.CreateClient(), new { password = Accounts.Password })).StatusCode);
    }

    [Fact]
    public async Task Deletion_leaves_no_row_of_the_user_in_any_table_and_no_working_token()
    {
        // An account with rows in as many tables as the public API can fill.
        var oauthClient = await server.CreateClientAsync();
        var (browser, email) = await server.SignedInBrowserAsync();
        var id = await browser.MyIdAsync();
        await (await browser.SendAsync(HttpMethod.Put, "/api/user/profile", body: new { bio = "to be forgotten" })).OkAsync();
        var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png()), "avatar", "a.png" } };
        await (await browser.PostAsync("/api/user/avatar", form)).OkAsync();
        var (access, refresh) = await server.CreateClient().SimpleLoginAsync(email);
        var apiKey = (await (await browser.PostJsonAsync("/api/v1/auth/keys", new { name = "k" }, access)).JsonAsync()).Str("apiKey");
        var pkce = Pkce.New();
        var tokens = await (await server.ExchangeAsync(oauthClient, await browser.CodeAsync(oauthClient, pkce), pkce)).OkJsonAsync();
        await server.CreateClient().PostJsonAsync("/api/auth/forgot-password", new { email });
        await server.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = "wrong-password-123" });
        await server.AdvanceClockAsync(TimeSpan.Zero); // the reset mail has gone out

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var tables = AccountTables.Find(scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>());
            foreach (var table in new[] { "users", "user_profiles", "user_avatars", "sessions", "refresh_tokens", "api_keys", "activity", "verification_tickets" })
            {
                var (_, column) = tables.Single(t => t.Table == table);
                Assert.True(await AccountTables.CountAsync(server, table, column, id) > 0, $"the test set-up wrote no {table} row");
            }
        }

        await (await DeleteAsync(browser, new { password = Accounts.Password })).OkAsync();

        await using (var scope = server.Services.CreateAsyncScope())
        {
            foreach (var (table, column) in AccountTables.Find(scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>()))
                Assert.True(await AccountTables.CountAsync(server, table, column, id) == 0, $"{table}.{column} still holds the deleted user");
        }
        Assert.Equal(0, await server.QueryAsync(db => db.OutgoingMessages.CountAsync(m => m.Recipient == email)));
        var anonymous = await server.QueryAsync(db => db.Activity.Where(a => a.Type == "user.deleted" && a.Success).ToListAsync());
        Assert.Contains(anonymous, a => a.UserId is null && a.IpAddress is null && a.Details is not null && !a.Details.Contains(email));

        var probe = server.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await probe.GetAsync("/api/auth/me", access)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await probe.GetAsync("/api/auth/me", apiKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await probe.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await probe.GetAsync("/api/oauth/userinfo", tokens.Str("access_token"))).StatusCode);
        await (await server.TokenAsync(oauthClient, ("grant_type", "refresh_token"), ("refresh_token", tokens.Str("refresh_token"))))
            .AssertOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_grant");
        Assert.Equal(HttpStatusCode.Unauthorized, (await probe.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password })).StatusCode);
        await (await probe.GetAsync($"/api/avatar/{id}")).FailsAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_account_without_a_password_needs_a_recent_sign_in()
    {
        var guest = server.CreateClient();
        var session = (await (await guest.PostJsonAsync("/v1/signin/anonymous", new { })).OkJsonAsync()).GetProperty("session");
        var token = session.Str("accessToken");
        var id = Guid.Parse(session.GetProperty("user").Str("id"));
        await (await DeleteAsync(guest, null, token)).OkAsync();
        Assert.Equal(0, await AccountTables.CountAsync(server, "users", "id", id));
    }

    [Fact]
    public async Task The_last_administrator_cannot_delete_themselves()
    {
        var admin = await server.AdminAsync();
        await (await DeleteAsync(admin, new { password = Accounts.Password })).FailsAsync(HttpStatusCode.Conflict, "conflict");
        await (await admin.GetAsync("/api/auth/me")).OkAsync();
    }
}
