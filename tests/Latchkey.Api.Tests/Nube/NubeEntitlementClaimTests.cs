using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.OAuth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Latchkey.Api.Tests.Nube;

/// <summary>
/// The <c>entitlements</c> scope of the OAuth provider: the user's license, features and limits as a claim of the access
/// token (at the code exchange and at each refresh), and no claim when the client did not ask for it.
/// </summary>
public sealed class NubeEntitlementClaimTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    private static JsonElement? EntitlementsOf(string accessToken)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(new JsonWebToken(accessToken).EncodedPayload));
        return payload.RootElement.TryGetProperty("entitlements", out var claim) ? claim.Clone() : null;
    }

    [Fact]
    public async Task Asking_for_entitlements_puts_the_license_features_and_limits_in_the_access_token_and_not_asking_does_not()
    {
        var admin = await server.AdminAsync();
        var backend = server.CreateClient();
        backend.DefaultRequestHeaders.Add("X-API-Key", (await (await admin.PostJsonAsync("/api/v1/auth/keys", new { name = "backend" })).JsonAsync()).Str("apiKey"));
        var plan = await backend.PlanAsync(apiCalls: 5000);
        var app = await server.CreateClientAsync(extra: new { scopes = new[] { "openid", "email", "entitlements", "offline_access" } });
        var (browser, _) = await server.SignedInBrowserAsync();
        var userId = await browser.MyIdAsync();
        var license = await (await backend.PostJsonAsync("/v1/admin/licenses", new { userId, plan })).NubeDataAsync(HttpStatusCode.Created);

        var pkce = Pkce.New();
        var tokens = await (await server.ExchangeAsync(app, await browser.CodeAsync(app, pkce, "openid entitlements offline_access"), pkce)).OkJsonAsync();
        var claim = EntitlementsOf(tokens.Str("access_token")) ?? throw new Xunit.Sdk.XunitException("no entitlements claim");
        Assert.Equal(plan, claim.Str("plan"));
        Assert.Equal(license.GetProperty("license").Str("id"), claim.Str("licenseId"));
        Assert.True(claim.GetProperty("valid").GetBoolean());
        var features = claim.GetProperty("features").EnumerateArray().ToDictionary(f => f.Str("feature"));
        Assert.False(features["export"].TryGetProperty("limit", out _));
        Assert.Equal(5000, features["api_calls"].GetProperty("limit").GetInt64());
        Assert.Equal("month", features["api_calls"].Str("period"));

        // The refreshed token carries it too (from the same cache the entitlement checks use).
        var refreshed = await (await server.TokenAsync(app, ("grant_type", "refresh_token"), ("refresh_token", tokens.Str("refresh_token")))).OkJsonAsync();
        Assert.Equal(plan, EntitlementsOf(refreshed.Str("access_token"))?.Str("plan"));

        // Not asked for: no claim.
        var plainPkce = Pkce.New();
        var plain = await (await server.ExchangeAsync(app, await browser.CodeAsync(app, plainPkce, "openid email"), plainPkce)).OkJsonAsync();
        Assert.Null(EntitlementsOf(plain.Str("access_token")));

        // Asked for by a user without a license: the claim says nothing is granted.
        var (unlicensed, _) = await server.SignedInBrowserAsync();
        var nonePkce = Pkce.New();
        var none = await (await server.ExchangeAsync(app, await unlicensed.CodeAsync(app, nonePkce, "openid entitlements"), nonePkce)).OkJsonAsync();
        var empty = EntitlementsOf(none.Str("access_token")) ?? throw new Xunit.Sdk.XunitException("no entitlements claim");
        Assert.False(empty.GetProperty("valid").GetBoolean());
        Assert.Empty(empty.GetProperty("features").EnumerateArray());

        var discovery = await (await server.CreateClient().GetAsync("/.well-known/openid-configuration")).OkJsonAsync();
        Assert.Contains("entitlements", discovery.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("entitlements", discovery.GetProperty("claims_supported").EnumerateArray().Select(s => s.GetString()));
    }
}
