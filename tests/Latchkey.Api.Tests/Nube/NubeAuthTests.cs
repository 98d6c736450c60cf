using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.Social;
using Xunit;

namespace Latchkey.Api.Tests.Nube;

/// <summary><c>/v1/auth/*</c>: social sign-in with PKCE through the fake GitHub, magic links, refresh rotation, logout.</summary>
public sealed class NubeAuthTests(NubeServer server) : IClassFixture<NubeServer>
{
    private readonly HttpClient _client = server.CreateClient();

    private async Task<System.Text.Json.JsonElement> LoginAsync(string provider = "github") =>
        await (await _client.PostJsonAsync("/v1/auth/login", new { provider, redirectUri = NubeServer.AppCallback })).NubeDataAsync();

    /// <summary>The browser at the provider: signs in as <paramref name="user"/> and is sent back to the app page with code and state.</summary>
    private async Task<Uri> AtProviderAsync(string authorizationUrl, UpstreamUser user)
    {
        var browser = server.CreateClient();
        browser.SetCookie(server, "upstream_user", user.ToCookie());
        using var response = await browser.GetAsync(authorizationUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    [Fact]
    public async Task Login_and_callback_sign_in_with_pkce_and_return_bearer_tokens()
    {
        var started = await LoginAsync();
        var url = started.Str("authorizationUrl");
        Assert.Contains("code_challenge_method=S256", url);
        Assert.Contains("state=" + started.Str("state"), url);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(NubeServer.AppCallback), url);

        var user = UpstreamUser.New();
        var back = await AtProviderAsync(url, user);
        Assert.StartsWith(NubeServer.AppCallback, back.ToString());
        var callback = new { code = back.Query("code"), state = back.Query("state"), codeVerifier = started.Str("codeVerifier") };
        var signedIn = await (await _client.PostJsonAsync("/v1/auth/callback", callback)).NubeDataAsync();
        Assert.Equal("Bearer", signedIn.Str("tokenType"));
        Assert.Equal(user.Email, signedIn.GetProperty("user").Str("email"));

        var me = await (await _client.GetAsync("/v1/users/me", signedIn.Str("accessToken"))).NubeDataAsync();
        Assert.Equal(user.Email, me.Str("email"));
        // The state is single-use.
        await (await _client.PostJsonAsync("/v1/auth/callback", callback)).NubeErrorAsync(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task Callback_with_another_verifier_or_state_is_refused()
    {
        var started = await LoginAsync();
        var back = await AtProviderAsync(started.Str("authorizationUrl"), UpstreamUser.New());
        var wrongVerifier = new { code = back.Query("code"), state = back.Query("state"), codeVerifier = "someone-elses" };
        var error = await (await _client.PostJsonAsync("/v1/auth/callback", wrongVerifier)).NubeErrorAsync(HttpStatusCode.BadRequest, "BAD_REQUEST");
        Assert.Equal("invalid_state", error.GetProperty("details").Str("reason"));

        var forged = new { code = "x", state = "forged", codeVerifier = started.Str("codeVerifier") };
        await (await _client.PostJsonAsync("/v1/auth/callback", forged)).NubeErrorAsync(HttpStatusCode.BadRequest, "BAD_REQUEST");
        await (await _client.PostJsonAsync("/v1/auth/callback", new { state = "s", codeVerifier = "v" })).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Theory]
    [InlineData("nope", "https://app.example/auth/callback", "BAD_REQUEST")]
    [InlineData("github", "https://evil.example/steal", "VALIDATION_ERROR")]
    [InlineData("", "https://app.example/auth/callback", "VALIDATION_ERROR")]
    public async Task Login_refuses_unknown_providers_and_redirects_off_the_allow_list(string provider, string redirectUri, string code)
    {
        var response = await _client.PostJsonAsync("/v1/auth/login", new { provider, redirectUri });
        await response.NubeErrorAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Magic_link_answers_the_same_for_unknown_addresses_and_verify_signs_in_once()
    {
        var email = await _client.RegisterAsync();
        var sent = await (await _client.PostJsonAsync("/v1/auth/magic-link", new { email })).NubeDataAsync();
        var unknown = await (await _client.PostJsonAsync("/v1/auth/magic-link", new { email = Accounts.NewEmail("ghost") })).NubeDataAsync();
        Assert.Equal(sent.GetRawText(), unknown.GetRawText());

        var mail = (await Mailboxes.WaitForAsync(server.OutboxPath, email, 2)).Single(m => m.Subject.Contains("sign-in link"));
        var signedIn = await (await _client.PostJsonAsync("/v1/auth/verify", new { token = mail.Token })).NubeDataAsync();
        Assert.Equal(email, signedIn.GetProperty("user").Str("email"));
        Assert.False(string.IsNullOrEmpty(signedIn.Str("refreshToken")));

        await (await _client.PostJsonAsync("/v1/auth/verify", new { token = mail.Token })).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await _client.PostJsonAsync("/v1/auth/verify", new { })).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await _client.PostJsonAsync("/v1/auth/magic-link", new { email = "not-an-address" })).NubeErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Refresh_rotates_and_a_reused_token_revokes_the_family()
    {
        var (_, refresh, _) = await _client.NubeUserAsync();
        var first = await (await _client.PostJsonAsync("/v1/auth/refresh", new { refreshToken = refresh })).NubeDataAsync();
        Assert.NotEqual(refresh, first.Str("refreshToken"));
        Assert.Equal("Bearer", first.Str("tokenType"));

        // The holder uses the successor, so the first token is spent for good; replaying it later is reuse.
        var latest = await (await _client.PostJsonAsync("/v1/auth/refresh", new { refreshToken = first.Str("refreshToken") })).NubeDataAsync();
        server.Clock.Advance(TimeSpan.FromSeconds(11));
        var replay = await (await _client.PostJsonAsync("/v1/auth/refresh", new { refreshToken = refresh })).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal("invalid_refresh_token", replay.GetProperty("details").Str("reason"));
        await (await _client.PostJsonAsync("/v1/auth/refresh", new { refreshToken = latest.Str("refreshToken") })).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Logout_ends_the_session_and_its_tokens()
    {
        var (access, refresh, _) = await _client.NubeUserAsync();
        var data = await (await _client.SendAsync(HttpMethod.Post, "/v1/auth/logout", access)).NubeDataAsync();
        Assert.True(data.TryGetProperty("sessionId", out _));

        await (await _client.GetAsync("/v1/users/me", access)).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await _client.PostJsonAsync("/v1/auth/refresh", new { refreshToken = refresh })).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await _client.SendAsync(HttpMethod.Post, "/v1/auth/logout")).NubeErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}
