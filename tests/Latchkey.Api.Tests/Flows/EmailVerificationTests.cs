using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Flows;

/// <summary>verify-email and resend-verification, with the mail read from the real SMTP sink.</summary>
public sealed class EmailVerificationTests(SmtpSinkServer server) : IClassFixture<SmtpSinkServer>
{
    [Fact]
    public async Task Registration_mails_a_verification_link_that_verifies_the_address_once()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();

        var mail = await server.MailAsync(email);
        Assert.Contains("Verify your email address for Latchkey", mail.Subject);
        Assert.Contains("accounts@latchkey.test", mail.From);
        Assert.StartsWith("http://latchkey.test/verify-email?token=", mail.Link);
        Assert.Contains("type=email_verification", mail.Link);
        Assert.Contains(mail.Link.Replace("&", "&amp;"), mail.Html);
        Assert.Equal(43, mail.Token.Length);

        var verified = await client.PostJsonAsync("/api/auth/verify-email", new { token = mail.Token });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.True((await verified.JsonAsync()).GetProperty("user").GetProperty("emailVerified").GetBoolean());

        var reused = await client.PostJsonAsync("/api/auth/verify-email", new { token = mail.Token });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_token", (await reused.JsonAsync()).Str("code"));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task Forged_tokens_are_refused_in_the_platform_error_shape(string token)
    {
        var response = await server.CreateClient().PostJsonAsync("/api/auth/verify-email", new { token });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("invalid_token", body.Str("code"));
    }

    [Fact]
    public async Task An_expired_verification_link_is_refused()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        var mail = await server.MailAsync(email);

        await server.AdvanceClockAsync(TimeSpan.FromHours(25));
        var response = await client.PostJsonAsync("/api/auth/verify-email", new { token = mail.Token });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Resend_mails_a_new_link_to_the_signed_in_user_and_refuses_once_verified()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await server.MailAsync(email);
        await client.PlatformLoginAsync(email);

        var resent = await client.PostJsonAsync("/api/auth/resend-verification", new { });
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var second = await server.MailAsync(email, count: 2);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/verify-email", new { token = second.Token })).StatusCode);

        var again = await client.PostJsonAsync("/api/auth/resend-verification", new { });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("validation_error", (await again.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task Anonymous_resend_answers_the_same_for_known_and_unknown_addresses()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await server.MailAsync(email);

        var known = await client.PostJsonAsync("/api/auth/resend-verification", new { email });
        var unknown = await client.PostJsonAsync("/api/auth/resend-verification", new { email = Accounts.NewEmail("ghost") });
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        await server.MailAsync(email, count: 2);
    }

    [Fact]
    public async Task Registration_refuses_a_redirectTo_outside_the_allow_list_and_writes_nothing()
    {
        var client = server.CreateClient();
        var email = Accounts.NewEmail();
        var response = await client.PostJsonAsync("/api/auth/register",
            new { email, password = Accounts.Password, redirectTo = "https://evil.example/steal" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("redirect_not_allowed", (await response.JsonAsync()).Str("code"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password })).StatusCode);

        var own = await client.PostJsonAsync("/api/auth/register",
            new { email, password = Accounts.Password, redirectTo = "http://latchkey.test/welcome?step=2" });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.StartsWith("http://latchkey.test/welcome?step=2&token=", (await server.MailAsync(email)).Link);
    }
}
