using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Social;

/// <summary>The browser redirect flow against real local upstreams: oidc-provider (as "google" and "corp") and the fake GitHub.</summary>
public sealed class SocialSignInTests(SocialServer server) : IClassFixture<SocialServer>
{
    [Theory]
    [InlineData("google")]
    [InlineData("corp")]
    [InlineData("github")]
    public async Task New_user_signs_in_gets_a_session_and_lands_on_the_default_url(string provider)
    {
        var client = server.CreateClient();
        var user = UpstreamUser.New();

        var landed = await client.SignInWithAsync(server, provider, user);

        Assert.Equal(SocialServer.DefaultRedirect, landed.ToString());
        var me = await (await client.GetAsync("/api/auth/me")).JsonAsync();
        Assert.Equal(user.Email, me.GetProperty("user").Str("email"));
        Assert.True(me.GetProperty("user").GetProperty("emailVerified").GetBoolean());
        Assert.Equal("Grace", me.GetProperty("user").Str("firstName"));
    }

    [Fact]
    public async Task Returning_user_gets_the_same_account()
    {
        var user = UpstreamUser.New();
        var first = server.CreateClient();
        await first.SignInWithAsync(server, "google", user);
        var second = server.CreateClient();
        await second.SignInWithAsync(server, "google", user);

        var a = await (await first.GetAsync("/api/auth/me")).JsonAsync();
        var b = await (await second.GetAsync("/api/auth/me")).JsonAsync();
        Assert.Equal(a.GetProperty("user").Str("id"), b.GetProperty("user").Str("id"));
    }

    [Fact]
    public async Task Verified_email_links_to_the_existing_account_and_voids_its_unproven_password()
    {
        var owner = server.CreateClient();
        var email = await owner.RegisterAsync();
        var registered = await (await owner.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password })).JsonAsync();

        var client = server.CreateClient();
        var landed = await client.SignInWithAsync(server, "google", UpstreamUser.New(verified: true, email: email), SocialServer.AppRedirect);

        Assert.Equal(SocialServer.AppRedirect, landed.ToString());
        var me = await (await client.GetAsync("/api/auth/me")).JsonAsync();
        Assert.Equal(registered.GetProperty("user").Str("id"), me.GetProperty("user").Str("id"));
        Assert.True(me.GetProperty("user").GetProperty("emailVerified").GetBoolean());
        // The password was set before anyone proved the address: whoever set it loses it and its sessions.
        var login = await server.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Unverified_email_of_an_existing_account_is_refused_with_link_required()
    {
        var email = await server.CreateClient().RegisterAsync();
        var client = server.CreateClient();

        var landed = await client.SignInWithAsync(server, "github", UpstreamUser.New(verified: false, email: email));

        Assert.StartsWith(SocialServer.DefaultRedirect + "?", landed.ToString());
        Assert.Equal("link_required", landed.Query("error"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        // The password account is untouched.
        await server.CreateClient().PlatformLoginAsync(email);
    }

    [Fact]
    public async Task Callback_from_another_browser_is_refused_as_state_mismatch()
    {
        var starter = server.CreateClient();
        var url = await starter.InitiateAsync("github");
        var other = server.CreateClient();
        other.SetCookie(server, "upstream_user", UpstreamUser.New().ToCookie());

        var landed = await other.FollowAsync(server, url);

        Assert.Equal("invalid_state", landed.Query("error"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Tampered_state_replayed_callback_and_expired_state_are_refused()
    {
        var client = server.CreateClient();
        client.SetCookie(server, "upstream_user", UpstreamUser.New().ToCookie());
        var callback = await client.FollowToCallbackAsync(server, await client.InitiateAsync("github"));
        var tampered = new Uri(callback.ToString().Replace("state=", "state=x"));
        Assert.Equal("invalid_state", (await client.FollowAsync(server, tampered.ToString())).Query("error"));

        // The tampered attempt did not consume the real state; the real one works once, then never again.
        var landed = await client.FollowAsync(server, callback.ToString());
        Assert.Equal(SocialServer.DefaultRedirect, landed.ToString());
        Assert.Equal("invalid_state", (await client.FollowAsync(server, callback.ToString())).Query("error"));

        var late = server.CreateClient();
        late.SetCookie(server, "upstream_user", UpstreamUser.New().ToCookie());
        var lateCallback = await late.FollowToCallbackAsync(server, await late.InitiateAsync("github"));
        server.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal("invalid_state", (await late.FollowAsync(server, lateCallback.ToString())).Query("error"));
    }

    [Theory]
    [InlineData("github")]
    [InlineData("google")]
    public async Task Cancel_at_the_provider_redirects_with_access_denied(string provider)
    {
        var client = server.CreateClient();
        var landed = await client.SignInWithAsync(server, provider, UpstreamUser.New() with { Deny = true }, SocialServer.AppRedirect);

        Assert.StartsWith(SocialServer.AppRedirect + "?", landed.ToString());
        Assert.Equal("access_denied", landed.Query("error"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Upstream_down_redirects_with_upstream_error_not_a_500()
    {
        var client = server.CreateClient();
        var landed = await client.SignInWithAsync(server, "gitlab", UpstreamUser.New());

        Assert.Equal("upstream_error", landed.Query("error"));
        Assert.False(string.IsNullOrEmpty(landed.Query("error_description")));
    }

    [Theory]
    [InlineData("myspace", "unsupported_provider")]
    [InlineData("spotify", "unsupported_provider")]
    [InlineData("", "validation_error")]
    public async Task Initiate_refuses_unknown_disabled_and_missing_providers(string provider, string code)
    {
        var response = await server.CreateClient().PostJsonAsync("/api/auth/oauth/initiate", new { provider });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(code, body.Str("code"));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("https://app.example/welcome.evil.example")]
    [InlineData("https://app.example/welcome/")]
    [InlineData("//evil.example")]
    public async Task Initiate_refuses_redirects_not_on_the_allow_list(string redirectTo)
    {
        var response = await server.CreateClient().PostJsonAsync("/api/auth/oauth/initiate", new { provider = "github", redirectTo });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("redirect_not_allowed", (await response.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Initiate_returns_a_pkce_url_and_a_binding_cookie()
    {
        var client = server.CreateClient();
        var url = new Uri(await client.InitiateAsync("google"));

        Assert.Equal("S256", url.Query("code_challenge_method"));
        Assert.Equal(43, url.Query("code_challenge")!.Length);
        Assert.Equal(SocialServer.PublicUrl + "/api/auth/oauth/callback", url.Query("redirect_uri"));
        Assert.NotNull(url.Query("nonce"));
        Assert.True(url.Query("state")!.Length >= 43);
        Assert.NotEmpty(client.CookieValue(server, "latchkey_oauth"));
    }

    [Fact]
    public async Task Form_post_callback_with_an_unknown_state_redirects_with_see_other()
    {
        var response = await server.CreateClient().PostAsync("/api/auth/oauth/callback",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["state"] = "forged", ["code"] = "x" }));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("invalid_state", response.Headers.Location!.Query("error"));
        Assert.StartsWith(SocialServer.DefaultRedirect, response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Apple_form_post_flow_signs_in_with_a_client_secret_jwt_and_takes_the_name_from_the_user_field()
    {
        var client = server.CreateClient();
        var user = UpstreamUser.New() with { Name = "Ada Lovelace" };
        var url = await client.InitiateAsync("apple");
        client.SetCookie(server, "upstream_user", user.ToCookie());

        var response = await client.SubmitFormPostAsync(server, url);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(SocialServer.DefaultRedirect, response.Headers.Location!.ToString());
        var me = (await (await client.GetAsync("/api/auth/me")).JsonAsync()).GetProperty("user");
        Assert.Equal((user.Email, "Ada", "Lovelace"), (me.Str("email"), me.Str("firstName"), me.Str("lastName")));
    }

    [Fact]
    public async Task Upstream_tokens_are_stored_encrypted_when_enabled()
    {
        var user = UpstreamUser.New();
        await server.CreateClient().SignInWithAsync(server, "github", user);

        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(server.Services);
        var identities = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Social.IUserIdentityStore>(scope.ServiceProvider);
        var vault = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Social.UpstreamTokenVault>(scope.ServiceProvider);
        var identity = await identities.FindAsync("github", user.Sub, CancellationToken.None);
        Assert.NotNull(identity?.ProtectedAccessToken);
        Assert.DoesNotContain("gho_", identity.ProtectedAccessToken);
        Assert.StartsWith("gho_", vault.AccessToken(identity));
    }
}
