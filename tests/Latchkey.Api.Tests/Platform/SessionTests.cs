using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Platform;

public sealed class SessionTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task Sessions_list_marks_the_current_one()
    {
        var laptop = server.CreateClient();
        var email = await laptop.RegisterAsync();
        await laptop.PlatformLoginAsync(email);
        var phone = server.CreateClient();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile");
        await phone.PlatformLoginAsync(email);

        var response = await phone.GetAsync("/api/user/sessions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sessions = (await response.JsonAsync()).GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(2, sessions.Count);
        var current = Assert.Single(sessions, s => s.GetProperty("isCurrent").GetBoolean());
        Assert.Equal("mobile", current.Str("deviceType"));
        Assert.Equal("127.0.0.1", current.Str("ipAddress"));
        Assert.True(current.TryGetProperty("lastActivity", out _));
    }

    [Fact]
    public async Task Revoke_all_keeps_only_the_current_session()
    {
        var email = await server.CreateClient().RegisterAsync();
        var a = server.CreateClient();
        var b = server.CreateClient();
        var c = server.CreateClient();
        await a.PlatformLoginAsync(email);
        await b.PlatformLoginAsync(email);
        await c.PlatformLoginAsync(email);
        var bearer = await server.CreateClient().SimpleLoginAsync(email);

        var response = await a.PostAsync("/api/user/sessions/revoke-all", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.JsonAsync()).GetProperty("revokedCount").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await b.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync("/api/auth/me")).StatusCode);
        var refresh = await server.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = bearer.Refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        var sessions = (await (await a.GetAsync("/api/user/sessions")).JsonAsync()).GetProperty("sessions");
        Assert.Equal(1, sessions.GetArrayLength());
    }

    [Fact]
    public async Task Password_change_needs_the_current_password_and_signs_out_other_sessions()
    {
        var current = server.CreateClient();
        var email = await current.RegisterAsync();
        await current.PlatformLoginAsync(email);
        var other = server.CreateClient();
        await other.PlatformLoginAsync(email);
        const string newPassword = "silver-Canyon-58-brisk-Meadow";

        var wrong = await current.PostJsonAsync("/api/user/password", new { currentPassword = "not-my-password-123", newPassword });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("invalid_current_password", (await wrong.JsonAsync()).Str("code"));

        var weak = await current.PostJsonAsync("/api/user/password", new { currentPassword = Accounts.Password, newPassword = "password" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal("weak_password", (await weak.JsonAsync()).Str("code"));

        var ok = await current.PostJsonAsync("/api/user/password", new { currentPassword = Accounts.Password, newPassword });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, (await ok.JsonAsync()).GetProperty("otherSessionsRevoked").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await current.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/auth/me")).StatusCode);
        var oldPassword = await server.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        await server.CreateClient().PlatformLoginAsync(email, newPassword);

        var types = (await (await current.GetAsync("/api/user/activity")).JsonAsync()).GetProperty("activities")
            .EnumerateArray().Select(a => a.Str("type")).ToList();
        Assert.Contains("password.changed", types);
    }
}
