using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.OAuth;
using Xunit;
using static Latchkey.Api.Tests.Scim.ScimClient;

namespace Latchkey.Api.Tests.Scim;

/// <summary>The <c>groups</c> scope: SCIM group membership in the id token and userinfo, current at each refresh, absent without the scope.</summary>
public sealed class ScimGroupClaimTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    private static string[]? GroupsOf(string idToken) => ArrayClaim(idToken, "groups");

    [Fact]
    public async Task The_groups_scope_puts_the_users_groups_in_the_id_token_and_userinfo()
    {
        var scim = await ScimClient.CreateAsync(server, await server.AdminAsync());
        var client = await server.CreateClientAsync(extra: new { scopes = new[] { "openid", "profile", "email", "groups", "offline_access" } });
        var (browser, email) = await server.SignedInBrowserAsync();
        var userId = (await scim.ListAsync($"filter=userName eq \"{email}\"")).GetProperty("Resources")[0].Str("id");
        string sales = "Sales " + Guid.NewGuid().ToString("N")[..6], admins = "Admins " + Guid.NewGuid().ToString("N")[..6];
        foreach (var name in new[] { sales, admins })
            await ExpectAsync(await scim.SendAsync(HttpMethod.Post, "/Groups", new { schemas = new[] { GroupSchema }, displayName = name, members = new[] { new { value = userId } } }), HttpStatusCode.Created);

        var pkce = Pkce.New();
        var tokens = await (await server.ExchangeAsync(client, await browser.CodeAsync(client, pkce, "openid groups offline_access"), pkce)).OkJsonAsync();
        Assert.Equal(new[] { admins, sales }, GroupsOf(tokens.Str("id_token")));
        var info = await (await server.CreateClient().GetAsync("/api/oauth/userinfo", tokens.Str("access_token"))).OkJsonAsync();
        Assert.Equal(new[] { admins, sales }, info.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));

        // The identity provider removes the user from Sales: the next refresh's id token says so.
        var salesId = (await ExpectAsync(await scim.SendAsync(HttpMethod.Get, $"/Groups?filter={Uri.EscapeDataString($"displayName eq \"{sales}\"")}"), HttpStatusCode.OK))
            .GetProperty("Resources")[0].Str("id");
        await ExpectAsync(await scim.PatchAsync($"/Groups/{salesId}", new { op = "remove", path = $"members[value eq \"{userId}\"]" }), HttpStatusCode.OK);
        var refreshed = await (await server.TokenAsync(client, ("grant_type", "refresh_token"), ("refresh_token", tokens.Str("refresh_token")))).OkJsonAsync();
        Assert.Equal(new[] { admins }, GroupsOf(refreshed.Str("id_token")));

        // Without the scope there is no claim, and discovery lists both the scope and the claim.
        var plainPkce = Pkce.New();
        var plain = await (await server.ExchangeAsync(client, await browser.CodeAsync(client, plainPkce, "openid email"), plainPkce)).OkJsonAsync();
        Assert.Null(GroupsOf(plain.Str("id_token")));
        Assert.False((await (await server.CreateClient().GetAsync("/api/oauth/userinfo", plain.Str("access_token"))).OkJsonAsync()).TryGetProperty("groups", out _));
        var discovery = await (await server.CreateClient().GetAsync("/.well-known/openid-configuration")).OkJsonAsync();
        Assert.Contains("groups", discovery.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("groups", discovery.GetProperty("claims_supported").EnumerateArray().Select(s => s.GetString()));
    }
}
