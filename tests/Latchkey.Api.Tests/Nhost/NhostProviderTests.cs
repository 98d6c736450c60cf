using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.Social;
using Xunit;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>
/// <c>/v1/signin/provider/{provider}</c> and its callback against the real oidc-provider (as "google"), whose one
/// client registration lists both the Platform and the Nhost callbacks.
/// </summary>
public sealed class NhostProviderTests(SocialServer server) : IClassFixture<SocialServer>
{
    private static readonly string App = Uri.EscapeDataString(SocialServer.AppRedirect);

    [Fact]
    public async Task Round_trip_lands_on_redirectTo_with_a_refresh_token_and_applies_the_sign_up_options()
    {
        var client = server.CreateClient();
        var metadata = Uri.EscapeDataString("""{"plan":"pro"}""");
        var landed = await client.ProviderSignInAsync(server, "google", UpstreamUser.New(),
            $"redirectTo={App}&displayName=Ada%20Lovelace&locale=en&allowedRoles=user,me&defaultRole=me&metadata={metadata}");

        Assert.Equal(SocialServer.AppRedirect, landed.GetLeftPart(UriPartial.Path));
        var user = (await client.ExchangeAsync(landed)).GetProperty("user");
        Assert.Equal("Ada Lovelace", user.Str("displayName"));
        Assert.Equal("me", user.Str("defaultRole"));
        Assert.Equal("pro", user.GetProperty("metadata").Str("plan"));
        Assert.True(user.GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task One_upstream_registration_serves_both_surfaces_and_finds_the_same_account()
    {
        var upstreamUser = UpstreamUser.New();
        var platform = server.CreateClient();
        await platform.SignInWithAsync(server, "google", upstreamUser);
        var platformId = (await (await platform.GetAsync("/api/auth/me")).JsonAsync()).GetProperty("user").Str("id");

        var nhost = server.CreateClient();
        var landed = await nhost.ProviderSignInAsync(server, "google", upstreamUser, $"redirectTo={App}");
        Assert.Equal(platformId, (await nhost.ExchangeAsync(landed)).GetProperty("user").Str("id"));
    }

    [Fact]
    public async Task A_replayed_callback_is_refused_in_json_and_sends_the_browser_nowhere()
    {
        var client = server.CreateClient();
        var callback = await client.ToCallbackAsync(server, "google", UpstreamUser.New(), $"redirectTo={App}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(callback)).StatusCode);

        var replay = await client.GetAsync(callback);

        await AssertJsonErrorAsync(replay, HttpStatusCode.BadRequest, "invalid-state");
    }

    [Fact]
    public async Task A_callback_in_another_browser_goes_back_to_the_verified_redirect_with_invalid_state()
    {
        var callback = await server.CreateClient().ToCallbackAsync(server, "google", UpstreamUser.New(), $"redirectTo={App}");

        var response = await server.CreateClient().GetAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var landed = response.Headers.Location!;
        Assert.Equal(SocialServer.AppRedirect, landed.GetLeftPart(UriPartial.Path));
        Assert.Equal("invalid-state", landed.Query("error"));
        Assert.False(string.IsNullOrEmpty(landed.Query("errorDescription")));
        Assert.Null(landed.Query("refreshToken"));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("https://app.example/welcome/../evil")]
    [InlineData("https://app.example/welcomex")]
    public async Task A_redirect_not_on_the_allow_list_is_refused_in_json_before_leaving(string redirectTo)
    {
        var response = await server.CreateClient().GetAsync($"/v1/signin/provider/google?redirectTo={Uri.EscapeDataString(redirectTo)}");
        await AssertJsonErrorAsync(response, HttpStatusCode.BadRequest, "redirectTo-not-allowed");
    }

    [Theory]
    [InlineData("allowedRoles=admin", "role-not-allowed")]
    [InlineData("defaultRole=admin", "default-role-must-be-in-allowed-roles")]
    [InlineData("locale=xx", "locale-not-allowed")]
    [InlineData("metadata=not-json", "invalid-request")]
    [InlineData("displayName=a%2Fb%3Ac", "invalid-request")]
    [InlineData("redirectTo=https%3A%2F%2Fapp.example%2Fwelcome&redirectTo=https%3A%2F%2Fevil.example%2F", "invalid-request")]
    [InlineData("connect=not-a-token", "invalid-request")]
    public async Task Bad_options_are_refused_in_json_before_leaving(string query, string error)
    {
        var response = await server.CreateClient().GetAsync($"/v1/signin/provider/google?{query}");
        Assert.Null(response.Headers.Location);
        Assert.Equal(error, (await response.JsonAsync()).Str("error"));
    }

    [Fact]
    public async Task An_unknown_provider_is_refused_in_json()
    {
        var response = await server.CreateClient().GetAsync("/v1/signin/provider/myspace");
        await AssertJsonErrorAsync(response, HttpStatusCode.BadRequest, "invalid-request");
    }

    [Fact]
    public async Task Cancelling_at_the_provider_goes_back_with_an_error()
    {
        var landed = await server.CreateClient().ProviderSignInAsync(server, "google", UpstreamUser.New() with { Deny = true }, $"redirectTo={App}");
        Assert.Equal("oauth-provider-error", landed.Query("error"));
        Assert.Null(landed.Query("refreshToken"));
    }

    [Fact]
    public async Task An_account_with_a_second_factor_is_refused_and_gets_no_session()
    {
        var upstreamUser = UpstreamUser.New();
        var platform = server.CreateClient();
        await platform.SignInWithAsync(server, "google", upstreamUser);
        await platform.EnableTotpAsync(server);

        var landed = await server.CreateClient().ProviderSignInAsync(server, "google", upstreamUser, $"redirectTo={App}");

        Assert.Equal(SocialServer.AppRedirect, landed.GetLeftPart(UriPartial.Path));
        Assert.Equal("invalid-request", landed.Query("error"));
        Assert.Contains("second factor", landed.Query("errorDescription"));
        Assert.Null(landed.Query("refreshToken"));
    }

    [Fact]
    public async Task Connect_links_the_provider_to_the_signed_in_user()
    {
        var client = server.CreateClient();
        var session = await client.SignUpAsync();
        var upstreamUser = UpstreamUser.New();

        var landed = await client.ProviderSignInAsync(server, "google", upstreamUser, $"redirectTo={App}&connect={session.AccessToken()}");

        Assert.Equal(SocialServer.AppRedirect, landed.ToString());
        var signIn = await server.CreateClient().ProviderSignInAsync(server, "google", upstreamUser, $"redirectTo={App}");
        Assert.Equal(session.GetProperty("user").Str("id"), (await client.ExchangeAsync(signIn)).GetProperty("user").Str("id"));
    }

    private static async Task AssertJsonErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var body = await response.JsonAsync();
        Assert.Equal(error, body.Str("error"));
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
    }
}

/// <summary>The Nhost provider flow as a browser and the Nhost SDK drive it.</summary>
internal static class NhostProviderFlow
{
    /// <summary>Starts at <c>/v1/signin/provider/{provider}</c> as <paramref name="user"/>; returns the callback URL the provider sends back, unfetched.</summary>
    public static async Task<Uri> ToCallbackAsync(this HttpClient client, LatchkeyServer server, string provider, UpstreamUser user, string query)
    {
        var start = await client.GetAsync($"/v1/signin/provider/{provider}?{query}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        client.SetCookie(server, "upstream_user", user.ToCookie());
        return await client.FollowToCallbackAsync(server, start.Headers.Location!.ToString());
    }

    /// <summary>The whole round trip; returns where the callback sends the browser.</summary>
    public static async Task<Uri> ProviderSignInAsync(this HttpClient client, LatchkeyServer server, string provider, UpstreamUser user, string query)
    {
        var callback = await client.ToCallbackAsync(server, provider, user, query);
        var response = await client.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return response.Headers.Location!;
    }

    /// <summary>What nhost-js does on the landing page: trades <c>refreshToken</c> for a session at <c>/v1/token</c>.</summary>
    public static async Task<JsonElement> ExchangeAsync(this HttpClient client, Uri landed)
    {
        var refreshToken = landed.Query("refreshToken") ?? throw new InvalidOperationException($"No refreshToken in {landed}");
        var response = await client.PostJsonAsync("/v1/token", new { refreshToken });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }
}
