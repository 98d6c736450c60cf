using System.Net;
using System.Text.RegularExpressions;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.SecondFactors;

/// <summary>Email as a second factor; codes read from the development outbox.</summary>
public sealed class EmailSecondFactorTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private async Task<string> CodeAsync(string email, int count) =>
        (await server.Explained(Mailboxes.WaitForAsync(server.OutboxPath, email, count), email))
            .Where(m => m.Subject.Contains("sign-in code")).Last().Code;

    [Fact]
    public async Task Email_codes_enable_2fa_and_complete_the_login_challenge_once()
    {
        var (client, email) = await server.SignedInAsync();
        var setup = await client.PostJsonAsync("/api/auth/2fa/setup", new { method = "email" });
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Equal("email", (await setup.JsonAsync()).Str("method"));
        var confirm = await client.PostJsonAsync("/api/auth/2fa/verify", new { method = "email", code = await CodeAsync(email, 2) });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(10, (await confirm.JsonAsync()).GetProperty("recoveryCodes").GetArrayLength());
        Assert.Equal("email", (await client.SecurityAsync()).Str("defaultTwoFactorMethod"));

        var other = server.CreateClient();
        var login = await (await other.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password })).JsonAsync();
        Assert.Equal("email", login.Str("defaultMethod"));
        var token = login.Str("challengeToken");
        var sent = await other.PostJsonAsync("/api/auth/2fa/send-code", new { challengeToken = token });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var code = await CodeAsync(email, 3);

        var wrong = await other.SecondStepAsync(token, code == "000000" ? "111111" : "000000", "email");
        Assert.Equal("invalid_code", (await wrong.JsonAsync()).Str("code"));
        Assert.Equal(HttpStatusCode.OK, (await other.SecondStepAsync(token, code, "email")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/auth/me")).StatusCode);

        var again = server.CreateClient();
        var token2 = await again.PasswordStepAsync(email);
        Assert.Equal("invalid_code", (await (await again.SecondStepAsync(token2, code, "email")).JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task The_browser_holding_the_challenge_cookie_gets_its_code_with_the_seed_body()
    {
        var (client, email) = await server.SignedInAsync();
        await client.PostJsonAsync("/api/auth/2fa/setup", new { method = "email" });
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/2fa/verify", new { method = "email", code = await CodeAsync(email, 2) })).StatusCode);

        var browser = server.CreateClient();
        var login = await (await browser.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password })).JsonAsync();
        var stranger = await server.CreateClient().PostJsonAsync("/api/auth/2fa/send-code", new { method = "email" });
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);

        var sent = await browser.PostJsonAsync("/api/auth/2fa/send-code", new { method = "email" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var verified = await browser.PostJsonAsync("/api/auth/2fa/verify", new { userId = login.Str("userId"), code = await CodeAsync(email, 3), method = "email" });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Send_code_needs_a_challenge_or_a_session_and_an_email_or_sms_method()
    {
        var anonymous = await server.CreateClient().PostJsonAsync("/api/auth/2fa/send-code", new { method = "email" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var forged = await server.CreateClient().PostJsonAsync("/api/auth/2fa/send-code", new { challengeToken = new string('A', 43) });
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        var (client, _) = await server.SignedInAsync();
        await client.EnableTotpAsync(server);
        var totp = await client.PostJsonAsync("/api/auth/2fa/send-code", new { method = "totp" });
        Assert.Equal(HttpStatusCode.BadRequest, totp.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/auth/2fa/send-code", new { method = "email" })).StatusCode);
    }
}

/// <summary>SMS as a second factor, through the fake Twilio Messages API.</summary>
public sealed partial class SmsSecondFactorTests(TwilioServer server) : IClassFixture<TwilioServer>
{
    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();

    private async Task<string> CodeAsync(string phone, int count) => SixDigits().Match(await server.Twilio.WaitForAsync(phone, count)).Value;

    [Fact]
    public async Task Sms_codes_go_to_the_verified_phone_and_complete_the_login_challenge()
    {
        var (client, email) = await server.SignedInAsync();
        var phone = "+1415" + Random.Shared.Next(1_000_000, 9_999_999);
        await client.PostJsonAsync("/api/user/phone/send-code", new { phoneNumber = phone });
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/user/phone/verify", new { phoneNumber = phone, code = await CodeAsync(phone, 1) })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/2fa/setup", new { method = "sms" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/2fa/verify", new { method = "sms", code = await CodeAsync(phone, 2) })).StatusCode);
        Assert.Equal(["sms"], (await client.SecurityAsync()).GetProperty("twoFactorMethods").EnumerateArray().Select(m => m.GetString()));

        var other = server.CreateClient();
        var token = await other.PasswordStepAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await other.PostJsonAsync("/api/auth/2fa/send-code", new { challengeToken = token, method = "sms" })).StatusCode);
        var signedIn = await other.SecondStepAsync(token, await CodeAsync(phone, 3), "sms");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var sessions = await (await other.GetAsync("/api/user/sessions")).JsonAsync();
        Assert.Contains(sessions.GetProperty("sessions").EnumerateArray(), s => s.Str("authMethod") == "password+sms");
    }
}
