using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Flows;

/// <summary>request-change and verify-change, with the mail read from the real SMTP sink.</summary>
public sealed class EmailChangeTests(SmtpSinkServer server) : IClassFixture<SmtpSinkServer>
{
    private async Task<(HttpClient Client, string Email)> SignedInUserAsync()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PlatformLoginAsync(email);
        return (client, email);
    }

    [Fact]
    public async Task Request_change_needs_a_session_and_the_current_password()
    {
        var (client, _) = await SignedInUserAsync();
        var newEmail = Accounts.NewEmail("new");
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await server.CreateClient().PostJsonAsync("/api/user/email/request-change", new { newEmail, password = Accounts.Password })).StatusCode);

        var wrong = await client.PostJsonAsync("/api/user/email/request-change", new { newEmail, password = "not-my-password" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("invalid_current_password", (await wrong.JsonAsync()).Str("code"));

        var missing = await client.PostJsonAsync("/api/user/email/request-change", new { newEmail });
        Assert.Equal("validation_error", (await missing.JsonAsync()).Str("code"));
        var invalid = await client.PostJsonAsync("/api/user/email/request-change", new { newEmail = "nope", password = Accounts.Password });
        Assert.Equal("validation_error", (await invalid.JsonAsync()).Str("code"));
        Assert.Empty(Mailboxes.Read(Mailboxes.Maildir, newEmail));
    }

    [Fact]
    public async Task The_new_address_confirms_the_change_and_the_old_one_is_told()
    {
        var (client, oldEmail) = await SignedInUserAsync();
        var newEmail = Accounts.NewEmail("new");
        var requested = await client.PostJsonAsync("/api/user/email/request-change", new { newEmail, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);

        var confirm = await server.MailAsync(newEmail);
        Assert.Contains(oldEmail, confirm.Text);
        Assert.StartsWith("http://latchkey.test/verify-email-change?token=", confirm.Link);

        // Another account cannot use (or burn) the link.
        var (other, _) = await SignedInUserAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await other.PostJsonAsync("/api/user/email/verify-change", new { token = confirm.Token })).StatusCode);

        var changed = await client.PostJsonAsync("/api/user/email/verify-change", new { token = confirm.Token });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var user = (await changed.JsonAsync()).GetProperty("user");
        Assert.Equal(newEmail, user.Str("email"));
        Assert.True(user.GetProperty("emailVerified").GetBoolean());

        var notice = (await Mailboxes.WaitForAsync(Mailboxes.Maildir, oldEmail, 2))[1];
        Assert.Equal("Your Latchkey email address was changed", notice.Subject);
        Assert.Contains(newEmail, notice.Text);

        var reused = await client.PostJsonAsync("/api/user/email/verify-change", new { token = confirm.Token });
        Assert.Equal("invalid_token", (await reused.JsonAsync()).Str("code"));
        await server.CreateClient().PlatformLoginAsync(newEmail);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await server.CreateClient().PostJsonAsync("/api/auth/login", new { email = oldEmail, password = Accounts.Password })).StatusCode);
    }

    [Fact]
    public async Task A_taken_address_is_only_reported_after_its_owner_confirms()
    {
        var (client, _) = await SignedInUserAsync();
        var (_, taken) = await SignedInUserAsync();
        var requested = await client.PostJsonAsync("/api/user/email/request-change", new { newEmail = taken, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);

        var confirm = (await Mailboxes.WaitForAsync(Mailboxes.Maildir, taken, 2)).Single(m => m.Subject.Contains("Confirm"));
        var verify = await client.PostJsonAsync("/api/user/email/verify-change", new { token = confirm.Token });
        Assert.Equal(HttpStatusCode.Conflict, verify.StatusCode);
        Assert.Equal("email_taken", (await verify.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task An_expired_change_link_is_refused()
    {
        var (client, _) = await SignedInUserAsync();
        var newEmail = Accounts.NewEmail("new");
        await client.PostJsonAsync("/api/user/email/request-change", new { newEmail, password = Accounts.Password });
        var confirm = await server.MailAsync(newEmail);
        await server.AdvanceClockAsync(TimeSpan.FromMinutes(61));
        // The session outlives the link (idle timeout is days).
        var verify = await client.PostJsonAsync("/api/user/email/verify-change", new { token = confirm.Token });
        Assert.Equal(HttpStatusCode.BadRequest, verify.StatusCode);
        Assert.Equal("invalid_token", (await verify.JsonAsync()).Str("code"));
    }
}
