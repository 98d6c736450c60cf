using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Flows;

/// <summary>The same SMTP sink with the opposite settings: a change revokes keys, a reset keeps them.</summary>
public sealed class InvertedApiKeyPolicyServer : SmtpSinkServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Latchkey:ApiKeys:RevokeOnPasswordReset"] = "false";
        settings["Latchkey:ApiKeys:RevokeOnPasswordChange"] = "true";
    }
}

/// <summary>What a new password does to the account's API keys (issue 22, item 8), with the mail read from the real SMTP sink.</summary>
internal static class ApiKeyPasswordFlows
{
    public const string NewPassword = "orbit-Canyon-57-silver-Meadow";
    public const string RevokedSubject = "Your Latchkey API keys were revoked";

    /// <summary>A verified-mail account (one message in its box) signed in with a cookie, and one API key.</summary>
    public static async Task<(HttpClient Browser, string Email, string Key)> AccountWithKeyAsync(LatchkeyServer server)
    {
        var browser = server.CreateClient();
        var email = await browser.RegisterAsync();
        await browser.PlatformLoginAsync(email);
        var (access, _) = await server.CreateClient().SimpleLoginAsync(email);
        var created = await server.CreateClient().PostJsonAsync("/api/v1/auth/keys", new { name = "ci" }, access);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (browser, email, (await created.JsonAsync()).Str("apiKey"));
    }

    public static async Task<HttpStatusCode> KeyWorksAsync(LatchkeyServer server, string key) =>
        (await server.CreateClient().GetAsync("/api/auth/me", key)).StatusCode;

    public static async Task ResetAsync(LatchkeyServer server, string email)
    {
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().PostJsonAsync("/api/auth/forgot-password", new { email })).StatusCode);
        var mail = (await Mailboxes.WaitForAsync(Mailboxes.Maildir, email, 2)).Last(m => m.Subject.Contains("Reset"));
        var reset = await server.CreateClient().PostJsonAsync("/api/auth/reset-password", new { token = mail.Token, password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
    }

    public static async Task ChangeAsync(HttpClient browser) =>
        Assert.Equal(HttpStatusCode.OK, (await browser.PostJsonAsync("/api/user/password", new { currentPassword = Accounts.Password, newPassword = NewPassword })).StatusCode);
}

public sealed class ApiKeyPasswordTests(SmtpSinkServer server) : IClassFixture<SmtpSinkServer>
{
    [Fact]
    public async Task A_reset_after_forgot_password_revokes_the_keys_and_tells_the_owner()
    {
        var (_, email, key) = await ApiKeyPasswordFlows.AccountWithKeyAsync(server);
        Assert.Equal(HttpStatusCode.OK, await ApiKeyPasswordFlows.KeyWorksAsync(server, key));

        await ApiKeyPasswordFlows.ResetAsync(server, email);

        Assert.Equal(HttpStatusCode.Unauthorized, await ApiKeyPasswordFlows.KeyWorksAsync(server, key));
        var notice = (await Mailboxes.WaitForAsync(Mailboxes.Maildir, email, 3)).Single(m => m.Subject == ApiKeyPasswordFlows.RevokedSubject);
        Assert.Contains("all 1 API keys", notice.Text);
    }

    [Fact]
    public async Task A_change_while_signed_in_keeps_the_keys_by_default()
    {
        var (browser, email, key) = await ApiKeyPasswordFlows.AccountWithKeyAsync(server);
        await ApiKeyPasswordFlows.ChangeAsync(browser);
        Assert.Equal(HttpStatusCode.OK, await ApiKeyPasswordFlows.KeyWorksAsync(server, key));
        Assert.DoesNotContain(Mailboxes.Read(Mailboxes.Maildir, email), m => m.Subject == ApiKeyPasswordFlows.RevokedSubject);
    }
}

public sealed class InvertedApiKeyPolicyTests(InvertedApiKeyPolicyServer server) : IClassFixture<InvertedApiKeyPolicyServer>
{
    [Fact]
    public async Task With_the_settings_turned_around_a_change_revokes_and_a_reset_keeps()
    {
        var (_, email, key) = await ApiKeyPasswordFlows.AccountWithKeyAsync(server);
        await ApiKeyPasswordFlows.ResetAsync(server, email);
        Assert.Equal(HttpStatusCode.OK, await ApiKeyPasswordFlows.KeyWorksAsync(server, key));

        var (other, otherEmail, otherKey) = await ApiKeyPasswordFlows.AccountWithKeyAsync(server);
        await ApiKeyPasswordFlows.ChangeAsync(other);
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiKeyPasswordFlows.KeyWorksAsync(server, otherKey));
        Assert.Contains(await Mailboxes.WaitForAsync(Mailboxes.Maildir, otherEmail, 2), m => m.Subject == ApiKeyPasswordFlows.RevokedSubject);
    }
}
