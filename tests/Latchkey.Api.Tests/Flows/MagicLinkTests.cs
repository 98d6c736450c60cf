using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Flows;

/// <summary>Magic-link sign-in and sign-up (a Latchkey addition), with the mail read from the development outbox.</summary>
public sealed class MagicLinkTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task A_magic_link_signs_an_existing_account_in_once()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        var sent = await client.PostJsonAsync("/api/auth/magic-link", new { email });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var mail = (await Mailboxes.WaitForAsync(server.OutboxPath, email, 2)).Single(m => m.Subject.Contains("sign-in link"));
        Assert.Equal("Your Latchkey sign-in link", mail.Subject);
        Assert.StartsWith("http://latchkey.test/magic-link?token=", mail.Link);
        Assert.Contains("expires in 15 minutes", mail.Text);

        var browser = server.CreateClient();
        var signedIn = await browser.PostJsonAsync("/api/auth/magic-link/verify", new { token = mail.Token });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("auth_token=", StringComparison.Ordinal));
        var me = await (await browser.GetAsync("/api/auth/me")).JsonAsync();
        Assert.Equal(email, me.GetProperty("user").Str("email"));
        Assert.True(me.GetProperty("user").GetProperty("emailVerified").GetBoolean());

        var reused = await server.CreateClient().PostJsonAsync("/api/auth/magic-link/verify", new { token = mail.Token });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_token", (await reused.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task A_magic_link_to_a_new_address_creates_the_account_when_sign_up_is_open()
    {
        var client = server.CreateClient();
        var email = Accounts.NewEmail("new");
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/magic-link", new { email, redirectTo = "http://latchkey.test/app/callback" })).StatusCode);
        var mail = await server.OutboxMailAsync(email);
        Assert.StartsWith("http://latchkey.test/app/callback?token=", mail.Link);

        var signedIn = await client.PostJsonAsync("/api/auth/magic-link/verify", new { token = mail.Token });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var user = (await signedIn.JsonAsync()).GetProperty("user");
        Assert.Equal(email, user.Str("email"));
        Assert.True(user.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task An_expired_magic_link_is_refused()
    {
        var client = server.CreateClient();
        var email = Accounts.NewEmail("late");
        await client.PostJsonAsync("/api/auth/magic-link", new { email });
        var mail = await server.OutboxMailAsync(email);
        await server.AdvanceClockAsync(TimeSpan.FromMinutes(16));
        var response = await client.PostJsonAsync("/api/auth/magic-link/verify", new { token = mail.Token });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Requests_refuse_bad_input_and_foreign_redirects_and_forged_tokens()
    {
        var client = server.CreateClient();
        Assert.Equal("validation_error", (await (await client.PostJsonAsync("/api/auth/magic-link", new { email = "x" })).JsonAsync()).Str("code"));
        var redirect = await client.PostJsonAsync("/api/auth/magic-link", new { email = Accounts.NewEmail(), redirectTo = "javascript:alert(1)" });
        Assert.Equal("redirect_not_allowed", (await redirect.JsonAsync()).Str("code"));
        var forged = await client.PostJsonAsync("/api/auth/magic-link/verify", new { token = new string('A', 43) });
        Assert.Equal("invalid_token", (await forged.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task An_address_gets_at_most_five_messages_an_hour()
    {
        var client = server.CreateClient();
        var email = Accounts.NewEmail("busy");
        for (var i = 0; i < 7; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/magic-link", new { email })).StatusCode);
        await Mailboxes.WaitForAsync(server.OutboxPath, email, 5);
        await server.AdvanceClockAsync(TimeSpan.Zero);
        Assert.Equal(5, Mailboxes.Read(server.OutboxPath, email).Count);

        await server.AdvanceClockAsync(TimeSpan.FromMinutes(61));
        await client.PostJsonAsync("/api/auth/magic-link", new { email });
        await Mailboxes.WaitForAsync(server.OutboxPath, email, 6);
    }
}
