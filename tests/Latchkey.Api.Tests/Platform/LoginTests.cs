using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Platform;

public sealed class LoginTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task Login_sets_an_HttpOnly_auth_token_cookie_and_returns_the_user()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();

        var response = await client.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("auth_token=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(email, body.GetProperty("user").Str("email"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Me_answers_with_the_cookie_and_401_without_it()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);

        await client.PlatformLoginAsync(email);
        var me = await client.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var user = (await me.JsonAsync()).GetProperty("user");
        Assert.Equal(email, user.Str("email"));
        Assert.Equal("Ada Lovelace", user.Str("name"));
        Assert.True(user.TryGetProperty("avatar", out _));
        Assert.Equal("user", user.Str("role"));
    }

    [Fact]
    public async Task Unauthenticated_is_401_in_the_platform_shape()
    {
        var response = await server.CreateClient().GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("unauthorized", body.Str("code"));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_account_get_the_same_answer()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();

        var wrong = await client.PostJsonAsync("/api/auth/login", new { email, password = "not-the-password-at-all" });
        var unknown = await client.PostJsonAsync("/api/auth/login", new { email = Accounts.NewEmail("ghost"), password = "not-the-password-at-all" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Equal((await wrong.Content.ReadAsStringAsync()), (await unknown.Content.ReadAsStringAsync()));
        Assert.Equal("invalid_credentials", (await wrong.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Missing_fields_are_400()
    {
        var response = await server.CreateClient().PostJsonAsync("/api/auth/login", new { email = "a@example.com" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_error", (await response.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Logout_clears_the_cookie_and_ends_the_session_server_side()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PlatformLoginAsync(email);
        var cookie = client.CookieValue(server, "auth_token");

        var logout = await client.PostAsync("/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith("auth_token=;", StringComparison.Ordinal));

        // Replaying the old cookie value must fail: the session is gone, not just the browser's copy.
        var replay = server.CreateClient();
        replay.SetCookie(server, "auth_token", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Activity_lists_sign_ins_failures_and_logouts_newest_first()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PostJsonAsync("/api/auth/login", new { email, password = "wrong-password-here" });
        await client.PlatformLoginAsync(email);

        var response = await client.GetAsync("/api/user/activity?page=1&limit=10");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var types = body.GetProperty("activities").EnumerateArray().Select(a => a.Str("type")).ToList();
        Assert.Equal(["login.success", "login.failed", "user.registered"], types);
        Assert.Equal(3, body.GetProperty("pagination").GetProperty("total").GetInt32());

        var bad = await client.GetAsync("/api/user/activity?limit=1000");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
