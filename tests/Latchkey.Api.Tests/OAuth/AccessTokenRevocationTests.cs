using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Cluster;
using Latchkey.Core.Tokens;
using Latchkey.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>
/// RFC 7009 for access tokens (issue 12 item 6): a revoked access token is refused everywhere until it
/// expires, through a revocation list kept in the database and polled into memory by every node.
/// </summary>
public sealed class AccessTokenRevocationTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    private async Task<(TestClient Client, string Token, string Jti)> ClientCredentialsTokenAsync(TestClient? client = null)
    {
        client ??= await server.CreateClientAsync(grantTypes: ["client_credentials"]);
        var token = (await (await server.TokenAsync(client, ("grant_type", "client_credentials"))).OkJsonAsync()).Str("access_token");
        var introspected = await IntrospectAsync(client, token);
        Assert.True(introspected.GetProperty("active").GetBoolean());
        return (client, token, introspected.Str("jti"));
    }

    private async Task<System.Text.Json.JsonElement> IntrospectAsync(TestClient client, string token) =>
        await (await server.PostFormAsync("/api/oauth/introspect", client, ("token", token))).OkJsonAsync();

    private async Task<bool> StoredAsync(string jti)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>().RevokedAccessTokens.AnyAsync(r => r.TokenId == jti);
    }

    [Fact]
    public async Task A_revoked_client_credentials_token_is_no_longer_active()
    {
        var (client, token, jti) = await ClientCredentialsTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.PostFormAsync("/api/oauth/revoke", client, ("token", token), ("token_type_hint", "access_token"))).StatusCode);

        var introspected = await IntrospectAsync(client, token);
        Assert.False(introspected.GetProperty("active").GetBoolean());
        Assert.Single(introspected.EnumerateObject());
        Assert.True(await StoredAsync(jti));
        // Revoking again, or a token of another client, changes nothing and still answers 200.
        Assert.Equal(HttpStatusCode.OK, (await server.PostFormAsync("/api/oauth/revoke", client, ("token", token))).StatusCode);
        var (other, otherToken, _) = await ClientCredentialsTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.PostFormAsync("/api/oauth/revoke", client, ("token", otherToken))).StatusCode);
        Assert.True((await IntrospectAsync(other, otherToken)).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_revoked_user_access_token_is_refused_at_userinfo()
    {
        var client = await server.CreateClientAsync();
        var (browser, _) = await server.SignedInBrowserAsync();
        var pkce = Pkce.New();
        var tokens = await (await server.ExchangeAsync(client, await browser.CodeAsync(client, pkce), pkce)).OkJsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().GetAsync("/api/oauth/userinfo", tokens.Str("access_token"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.PostFormAsync("/api/oauth/revoke", client, ("token", tokens.Str("access_token")))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/oauth/userinfo", tokens.Str("access_token"))).StatusCode);
    }

    [Fact]
    public async Task A_revocation_made_by_another_node_is_seen_at_the_next_change_poll()
    {
        var (client, token, jti) = await ClientCredentialsTokenAsync();
        // What another node's revocation leaves behind: a row in the shared database, nothing in this node's memory.
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var now = server.Clock.GetUtcNow().UtcDateTime;
            await scope.ServiceProvider.GetRequiredService<IRevokedAccessTokenStore>()
                .AddAsync(new RevokedAccessToken { TokenId = jti, ExpiresAt = now.AddMinutes(20), RevokedAt = now }, CancellationToken.None);
        }
        // The row's trigger moved the list's change version; the next poll of the feed brings the new row in.
        await server.Services.GetRequiredService<ChangeFeed>().PollAsync(CancellationToken.None);
        Assert.False((await IntrospectAsync(client, token)).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Entries_are_pruned_once_their_tokens_have_expired()
    {
        var (client, token, jti) = await ClientCredentialsTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await server.PostFormAsync("/api/oauth/revoke", client, ("token", token))).StatusCode);
        Assert.True(await StoredAsync(jti));

        server.Clock.Advance(TimeSpan.FromMinutes(16));
        var (_, next, nextJti) = await ClientCredentialsTokenAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await server.PostFormAsync("/api/oauth/revoke", client, ("token", next))).StatusCode);
        Assert.False(await StoredAsync(jti));
        Assert.True(await StoredAsync(nextJti));
    }
}
