using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.SecondFactors;

public sealed class StepUpTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static readonly TimeSpan PastStepUp = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task A_fresh_session_creates_api_keys_an_old_one_must_elevate_first()
    {
        var client = server.CreateClient();
        var (access, _) = await client.SimpleLoginAsync(await client.RegisterAsync());
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/auth/keys", new { name = "fresh" }, access)).StatusCode);

        // Still inside the access token's 15 minutes, past the 5 of step-up.
        server.Clock.Advance(PastStepUp);
        var stale = await client.PostJsonAsync("/api/v1/auth/keys", new { name = "stale" }, access);
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
        Assert.Contains("recent sign-in", (await stale.JsonAsync()).Str("error"));

        var wrong = await client.PostJsonAsync("/api/auth/elevate", new { password = "not-my-password-1" }, access);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("invalid_current_password", (await wrong.JsonAsync()).Str("code"));
        var elevated = await client.PostJsonAsync("/api/auth/elevate", new { password = Accounts.Password }, access);
        Assert.Equal(HttpStatusCode.OK, elevated.StatusCode);
        Assert.True((await elevated.JsonAsync()).TryGetProperty("elevatedUntil", out _));
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/v1/auth/keys", new { name = "elevated" }, access)).StatusCode);
    }

    [Fact]
    public async Task Password_change_without_the_old_password_needs_a_recent_authentication()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PlatformLoginAsync(email);
        const string first = "amber-Quokka-47-silent-Meadow";
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/user/password", new { newPassword = first })).StatusCode);

        server.Clock.Advance(PastStepUp);
        var stale = await client.PostJsonAsync("/api/user/password", new { newPassword = "cobalt-Heron-58-gentle-Canyon" });
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
        Assert.Equal("elevation_required", (await stale.JsonAsync()).Str("code"));
        // With the old password it is a fresh proof in itself.
        Assert.Equal(HttpStatusCode.OK,
            (await client.PostJsonAsync("/api/user/password", new { currentPassword = first, newPassword = "cobalt-Heron-58-gentle-Canyon" })).StatusCode);
    }

    [Fact]
    public async Task Elevation_accepts_a_totp_code_once_and_refuses_bad_input()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PlatformLoginAsync(email);
        var (key, _) = await client.EnableTotpAsync(server);
        server.Clock.Advance(PastStepUp);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/auth/2fa/recovery-codes", new { })).StatusCode);

        var code = TwoFactor.Code(server, key);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/elevate", new { code, method = "totp" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/2fa/recovery-codes", new { })).StatusCode);
        var reused = await client.PostJsonAsync("/api/auth/elevate", new { code, method = "totp" });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_code", (await reused.JsonAsync()).Str("code"));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/auth/elevate", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().PostJsonAsync("/api/auth/elevate", new { password = Accounts.Password })).StatusCode);
        var activity = await (await client.GetAsync("/api/user/activity")).JsonAsync();
        Assert.Contains(activity.GetProperty("activities").EnumerateArray(), a => a.Str("type") == "session.elevated" && a.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Adding_a_factor_needs_a_recent_authentication()
    {
        var client = server.CreateClient();
        await client.PlatformLoginAsync(await client.RegisterAsync());
        server.Clock.Advance(PastStepUp);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/auth/2fa/setup", new { method = "totp" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/auth/passkey/register-options", new { })).StatusCode);
        await client.PostJsonAsync("/api/auth/elevate", new { password = Accounts.Password });
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/2fa/setup", new { method = "totp" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/passkey/register-options", new { })).StatusCode);
    }
}
