using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Flows;

/// <summary>forgot-password, validate-reset-token and reset-password, with the mail read from the real SMTP sink.</summary>
public sealed class PasswordResetTests(SmtpSinkServer server) : IClassFixture<SmtpSinkServer>
{
    private const string NewPassword = "orbit-Canyon-57-silver-Meadow";

    private async Task<(HttpClient Client, string Email)> SignedInUserAsync()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PlatformLoginAsync(email);
        return (client, email);
    }

    private async Task<Email> ForgotAsync(string email, int count = 1)
    {
        var response = await server.CreateClient().PostJsonAsync("/api/auth/forgot-password", new { email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Mailboxes.WaitForAsync(Mailboxes.Maildir, email, count + 1)).Last(m => m.Subject.Contains("Reset"));
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_whether_the_account_exists_or_not()
    {
        var (_, email) = await SignedInUserAsync();
        var client = server.CreateClient();
        var known = await client.PostJsonAsync("/api/auth/forgot-password", new { email });
        var unknown = await client.PostJsonAsync("/api/auth/forgot-password", new { email = Accounts.NewEmail("ghost") });

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        var mail = (await Mailboxes.WaitForAsync(Mailboxes.Maildir, email, 2))[1];
        Assert.Equal("Reset your Latchkey password", mail.Subject);
        Assert.StartsWith("http://latchkey.test/reset-password?token=", mail.Link);
    }

    [Fact]
    public async Task Reset_checks_the_policy_then_sets_the_password_and_revokes_every_session()
    {
        var (signedIn, email) = await SignedInUserAsync();
        var mail = await ForgotAsync(email);
        var client = server.CreateClient();

        var valid = await client.PostJsonAsync("/api/auth/validate-reset-token", new { token = mail.Token });
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.True((await valid.JsonAsync()).GetProperty("valid").GetBoolean());

        var weak = await client.PostJsonAsync("/api/auth/reset-password", new { token = mail.Token, password = "password" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal("weak_password", (await weak.JsonAsync()).Str("code"));

        var reset = await client.PostJsonAsync("/api/auth/reset-password", new { token = mail.Token, password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(1, (await reset.JsonAsync()).GetProperty("sessionsRevoked").GetInt32());

        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password })).StatusCode);
        await client.PlatformLoginAsync(email, NewPassword);
    }

    [Fact]
    public async Task A_reset_token_works_once()
    {
        var (_, email) = await SignedInUserAsync();
        var mail = await ForgotAsync(email);
        var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/reset-password", new { token = mail.Token, password = NewPassword })).StatusCode);

        var reused = await client.PostJsonAsync("/api/auth/reset-password", new { token = mail.Token, password = "another-Harbor-33-quiet-Falcon" });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_token", (await reused.JsonAsync()).Str("code"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/auth/validate-reset-token", new { token = mail.Token })).StatusCode);
        await client.PlatformLoginAsync(email, NewPassword);
    }

    [Fact]
    public async Task An_expired_reset_token_is_refused()
    {
        var (_, email) = await SignedInUserAsync();
        var mail = await ForgotAsync(email);
        await server.AdvanceClockAsync(TimeSpan.FromMinutes(61));
        var client = server.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/auth/validate-reset-token", new { token = mail.Token })).StatusCode);
        var reset = await client.PostJsonAsync("/api/auth/reset-password", new { token = mail.Token, password = NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.Equal("invalid_token", (await reset.JsonAsync()).Str("code"));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("abc")]
    [InlineData(null)]
    public async Task A_forged_reset_token_is_refused(string? token)
    {
        var client = server.CreateClient();
        var reset = await client.PostJsonAsync("/api/auth/reset-password", new { token, password = NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.Equal("invalid_token", (await reset.JsonAsync()).Str("code"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync("/api/auth/validate-reset-token", new { token })).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_refuses_bad_input_and_foreign_redirects()
    {
        var client = server.CreateClient();
        var invalid = await client.PostJsonAsync("/api/auth/forgot-password", new { email = "not-an-email" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("validation_error", (await invalid.JsonAsync()).Str("code"));

        var redirect = await client.PostJsonAsync("/api/auth/forgot-password", new { email = Accounts.NewEmail(), redirectTo = "https://latchkey.test.evil.example/reset" });
        Assert.Equal(HttpStatusCode.BadRequest, redirect.StatusCode);
        Assert.Equal("redirect_not_allowed", (await redirect.JsonAsync()).Str("code"));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostRawAsync("/api/auth/forgot-password", "{\"email\":")).StatusCode);
    }
}
