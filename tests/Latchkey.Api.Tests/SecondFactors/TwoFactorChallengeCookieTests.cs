using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.SecondFactors;

/// <summary>
/// The seed's <c>POST /api/auth/2fa/verify</c> body <c>{userId, code, method}</c> (issue 12 item 7): accepted from
/// the browser that holds the challenge cookie of its password step, refused from anyone else.
/// </summary>
public sealed class TwoFactorChallengeCookieTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private async Task<(string Email, byte[] Key)> UserWithTotpAsync()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PlatformLoginAsync(email);
        var (key, _) = await client.EnableTotpAsync(server);
        server.Clock.Advance(TimeSpan.FromSeconds(30));
        return (email, key);
    }

    private static async Task<(string UserId, string SetCookie)> PasswordStepAsync(HttpClient browser, string email)
    {
        var response = await browser.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.SetsSessionCookie());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("latchkey_2fa_challenge=", StringComparison.Ordinal));
        return ((await response.JsonAsync()).Str("userId"), cookie);
    }

    [Fact]
    public async Task The_seed_body_completes_the_sign_in_in_the_browser_that_holds_the_challenge()
    {
        var (email, key) = await UserWithTotpAsync();
        var browser = server.CreateClient();
        var (userId, cookie) = await PasswordStepAsync(browser, email);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api/auth/2fa", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);

        var verified = await browser.PostJsonAsync("/api/auth/2fa/verify", new { userId, code = TwoFactor.Code(server, key), method = "totp" });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.True(verified.SetsSessionCookie());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);
        // The challenge is used up and its cookie cleared.
        Assert.Contains(verified.Headers.GetValues("Set-Cookie"), c => c.StartsWith("latchkey_2fa_challenge=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bare_userId_without_the_challenge_cookie_is_refused()
    {
        var (email, key) = await UserWithTotpAsync();
        var (userId, _) = await PasswordStepAsync(server.CreateClient(), email);

        var stranger = server.CreateClient();
        var refused = await stranger.PostJsonAsync("/api/auth/2fa/verify", new { userId, code = TwoFactor.Code(server, key), method = "totp" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.False((await refused.JsonAsync()).GetProperty("success").GetBoolean());
        Assert.False(refused.SetsSessionCookie());
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_cookie_works_only_for_the_user_it_was_issued_to()
    {
        var (email, key) = await UserWithTotpAsync();
        var (otherEmail, _) = await UserWithTotpAsync();
        var browser = server.CreateClient();
        await PasswordStepAsync(browser, email);
        var (otherUserId, _) = await PasswordStepAsync(server.CreateClient(), otherEmail);

        var refused = await browser.PostJsonAsync("/api/auth/2fa/verify", new { userId = otherUserId, code = TwoFactor.Code(server, key), method = "totp" });
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(refused.SetsSessionCookie());
    }
}
