using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Challenges;
using Latchkey.Core.Common;
using Latchkey.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.SecondFactors;

public sealed class TwoFactorLoginTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    /// <summary>A user with TOTP on; the enrolling client is signed out afterwards.</summary>
    private async Task<(string Email, byte[] Key, IReadOnlyList<string> Codes)> UserWithTotpAsync()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PlatformLoginAsync(email);
        var (key, codes) = await client.EnableTotpAsync(server);
        // The confirmation used the current step; move on so the next code is a new one.
        server.Clock.Advance(TimeSpan.FromSeconds(30));
        return (email, key, codes);
    }

    [Fact]
    public async Task Password_alone_gives_a_challenge_not_a_session()
    {
        var (email, _, _) = await UserWithTotpAsync();
        var client = server.CreateClient();
        var response = await client.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.SetsSessionCookie());
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.True(body.GetProperty("requiresTwoFactor").GetBoolean());
        Assert.Equal(["totp"], body.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("totp", body.Str("defaultMethod"));
        Assert.Equal(43, body.Str("challengeToken").Length);
        Assert.True(body.TryGetProperty("userId", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_right_code_with_the_challenge_starts_the_session()
    {
        var (email, key, _) = await UserWithTotpAsync();
        var client = server.CreateClient();
        var token = await client.PasswordStepAsync(email);

        var response = await client.SecondStepAsync(token, TwoFactor.Code(server, key));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(email, (await response.JsonAsync()).GetProperty("user").Str("email"));
        var me = await client.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var sessions = await (await client.GetAsync("/api/user/sessions")).JsonAsync();
        Assert.Contains(sessions.GetProperty("sessions").EnumerateArray(), s => s.Str("authMethod") == "password+totp" && s.GetProperty("isCurrent").GetBoolean());

        // The challenge was single use.
        var again = await server.CreateClient().SecondStepAsync(token, TwoFactor.Code(server, key, 1));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("invalid_challenge", (await again.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Wrong_reused_and_expired_codes_are_refused()
    {
        var (email, key, _) = await UserWithTotpAsync();
        var client = server.CreateClient();
        var token = await client.PasswordStepAsync(email);

        var wrong = await client.SecondStepAsync(token, "000000");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("invalid_code", (await wrong.JsonAsync()).Str("code"));

        // A code two steps old is outside the ±1 window.
        var stale = await client.SecondStepAsync(token, TwoFactor.Code(server, key, -2));
        Assert.Equal("invalid_code", (await stale.JsonAsync()).Str("code"));

        var code = TwoFactor.Code(server, key);
        Assert.Equal(HttpStatusCode.OK, (await client.SecondStepAsync(token, code)).StatusCode);

        // The same code cannot sign in a second time, nor can the previous step's.
        var second = server.CreateClient();
        var token2 = await second.PasswordStepAsync(email);
        Assert.Equal("invalid_code", (await (await second.SecondStepAsync(token2, code)).JsonAsync()).Str("code"));
        Assert.Equal("invalid_code", (await (await second.SecondStepAsync(token2, TwoFactor.Code(server, key, -1))).JsonAsync()).Str("code"));
        server.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await second.SecondStepAsync(token2, TwoFactor.Code(server, key))).StatusCode);
    }

    [Fact]
    public async Task An_expired_challenge_is_refused_even_with_the_right_code()
    {
        var (email, key, _) = await UserWithTotpAsync();
        var client = server.CreateClient();
        var token = await client.PasswordStepAsync(email);
        server.Clock.Advance(TimeSpan.FromMinutes(6));

        var late = await client.SecondStepAsync(token, TwoFactor.Code(server, key));
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        Assert.Equal("invalid_challenge", (await late.JsonAsync()).Str("code"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Challenges_are_stored_hashed_and_expired_ones_are_swept()
    {
        var (email, _, _) = await UserWithTotpAsync();
        var token = await server.CreateClient().PasswordStepAsync(email);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LatchkeyDbContext>();
        var hash = SecretHash.Sha256(token);
        Assert.True(await db.AuthChallenges.AnyAsync(c => c.TokenHash == hash));

        server.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await server.Services.GetRequiredService<ExpiredChallengeSweeper>().SweepAsync(CancellationToken.None) >= 1);
        Assert.False(await db.AuthChallenges.AnyAsync(c => c.TokenHash == hash));
    }

    [Fact]
    public async Task A_challenge_allows_five_attempts_then_dies()
    {
        var (email, key, _) = await UserWithTotpAsync();
        var client = server.CreateClient();
        var token = await client.PasswordStepAsync(email);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await client.SecondStepAsync(token, "111111")).StatusCode);

        var right = await client.SecondStepAsync(token, TwoFactor.Code(server, key));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal("invalid_challenge", (await right.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Challenges_are_bound_to_their_user_and_unknown_tokens_are_refused()
    {
        var (email, key, _) = await UserWithTotpAsync();
        var client = server.CreateClient();
        var token = await client.PasswordStepAsync(email);

        var otherUser = await client.PostJsonAsync("/api/auth/2fa/verify",
            new { challengeToken = token, userId = Guid.NewGuid(), code = TwoFactor.Code(server, key), method = "totp" });
        Assert.Equal(HttpStatusCode.Unauthorized, otherUser.StatusCode);
        var forged = await client.SecondStepAsync(new string('A', 43), TwoFactor.Code(server, key));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        var missingCode = await client.PostJsonAsync("/api/auth/2fa/verify", new { challengeToken = token });
        Assert.Equal(HttpStatusCode.BadRequest, missingCode.StatusCode);
    }

    [Fact]
    public async Task Recovery_codes_sign_in_once_each_and_can_be_regenerated()
    {
        var (email, _, codes) = await UserWithTotpAsync();
        var client = server.CreateClient();
        var token = await client.PasswordStepAsync(email);
        var used = await client.SecondStepAsync(token, codes[0].ToLowerInvariant(), method: null);
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(9, (await client.SecurityAsync()).GetProperty("recoveryCodesRemaining").GetInt32());

        var again = server.CreateClient();
        var token2 = await again.PasswordStepAsync(email);
        Assert.Equal("invalid_code", (await (await again.SecondStepAsync(token2, codes[0], "recovery")).JsonAsync()).Str("code"));

        var regenerated = await client.PostJsonAsync("/api/auth/2fa/recovery-codes", new { });
        Assert.Equal(HttpStatusCode.OK, regenerated.StatusCode);
        var fresh = (await regenerated.JsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(codes));
        Assert.Equal("invalid_code", (await (await again.SecondStepAsync(token2, codes[1], "recovery")).JsonAsync()).Str("code"));
        Assert.Equal(HttpStatusCode.OK, (await again.SecondStepAsync(token2, fresh[0], "recovery")).StatusCode);

        var activity = await (await client.GetAsync("/api/user/activity")).JsonAsync();
        Assert.Contains(activity.GetProperty("activities").EnumerateArray(), a => a.Str("type") == "2fa.recovery_code_used");
    }

    [Fact]
    public async Task Wrong_codes_count_toward_lockout_across_challenges()
    {
        var (email, _, _) = await UserWithTotpAsync();
        var client = server.CreateClient();
        // Default lockout: 5 failures. Three challenges, two wrong codes each.
        for (var i = 0; i < 3; i++)
        {
            var token = await client.PasswordStepAsync(email);
            await client.SecondStepAsync(token, "222222");
            var second = await client.SecondStepAsync(token, "333333");
            if (i < 2) Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        }
        var locked = await client.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password });
        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
    }

    [Fact]
    public async Task A_passwordless_sign_in_of_a_2fa_account_stops_at_the_same_challenge()
    {
        var (email, key, _) = await UserWithTotpAsync();
        var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/email-otp", new { email })).StatusCode);
        var mail = (await server.Explained(Mailboxes.WaitForAsync(server.OutboxPath, email, 2), email)).Last(m => m.Subject.Contains("sign-in code"));

        var first = await client.PostJsonAsync("/api/auth/email-otp/verify", new { email, code = mail.Code });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.SetsSessionCookie());
        var challenge = await first.JsonAsync();
        Assert.True(challenge.GetProperty("requiresTwoFactor").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await client.SecondStepAsync(challenge.Str("challengeToken"), TwoFactor.Code(server, key))).StatusCode);
        var sessions = await (await client.GetAsync("/api/user/sessions")).JsonAsync();
        Assert.Contains(sessions.GetProperty("sessions").EnumerateArray(), s => s.Str("authMethod") == "email_code+totp");
    }
}
