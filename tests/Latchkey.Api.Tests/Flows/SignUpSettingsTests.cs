using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Flows;

/// <summary>Sign-up closed: no self-service accounts by password or by magic link; existing accounts still get links.</summary>
public sealed class ClosedSignUpServer : LatchkeyServer
{
    public const string AdminEmail = "admin@closed.test";

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:SignUp:Enabled"] = "false";
        settings["Latchkey:Admin:Email"] = AdminEmail;
        settings["Latchkey:Admin:Password"] = Accounts.Password;
    }
}

public sealed class ClosedSignUpTests(ClosedSignUpServer server) : IClassFixture<ClosedSignUpServer>
{
    [Fact]
    public async Task Registration_is_refused_and_magic_links_go_only_to_existing_accounts()
    {
        var client = server.CreateClient();
        var register = await client.PostJsonAsync("/api/auth/register", new { email = Accounts.NewEmail(), password = Accounts.Password });
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        Assert.Equal("sign_up_not_allowed", (await register.JsonAsync()).Str("code"));

        var stranger = Accounts.NewEmail("stranger");
        var unknown = await client.PostJsonAsync("/api/auth/magic-link", new { email = stranger });
        var known = await client.PostJsonAsync("/api/auth/magic-link", new { email = ClosedSignUpServer.AdminEmail });
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        await server.OutboxMailAsync(ClosedSignUpServer.AdminEmail);
        Assert.Empty(Mailboxes.Read(server.OutboxPath, stranger));
    }
}

/// <summary>Open to one domain, verification required, and a redirect allow-list with an origin and an exact URL.</summary>
public sealed class RestrictedSignUpServer : LatchkeyServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:SignUp:RequireEmailVerification"] = "true";
        settings["Latchkey:SignUp:AllowedEmailDomains:0"] = "example.com";
        settings["Latchkey:SignUp:AllowedRedirectUrls:0"] = "https://app.example.org";
        settings["Latchkey:SignUp:AllowedRedirectUrls:1"] = "https://other.example.org/exact/path";
    }
}

public sealed class RestrictedSignUpTests(RestrictedSignUpServer server) : IClassFixture<RestrictedSignUpServer>
{
    [Fact]
    public async Task Only_allowed_domains_sign_up_and_password_sign_in_waits_for_verification()
    {
        var client = server.CreateClient();
        var outsider = await client.PostJsonAsync("/api/auth/register", new { email = "someone@elsewhere.test", password = Accounts.Password });
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        Assert.Equal("sign_up_not_allowed", (await outsider.JsonAsync()).Str("code"));

        var email = await client.RegisterAsync();
        var early = await client.PostJsonAsync("/api/auth/login", new { email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Equal("email_not_verified", (await early.JsonAsync()).Str("code"));
        // A wrong password still gets the generic answer: the state is told only to the owner.
        Assert.Equal("invalid_credentials",
            (await (await client.PostJsonAsync("/api/auth/login", new { email, password = "wrong-password-1" })).JsonAsync()).Str("code"));

        // Locked out of sign-in, the user can still ask for a new link without a session.
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/resend-verification", new { email })).StatusCode);
        var mail = await server.OutboxMailAsync(email, 2);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/verify-email", new { token = mail.Token })).StatusCode);
        await client.PlatformLoginAsync(email);
    }

    [Theory]
    [InlineData("https://app.example.org/any/page?x=1", true)]
    [InlineData("https://APP.example.org/", true)]
    [InlineData("https://app.example.org:443/reset", true)]
    [InlineData("https://other.example.org/exact/path", true)]
    [InlineData("http://latchkey.test/reset-password", true)]
    [InlineData("https://other.example.org/exact/path/more", false)]
    [InlineData("https://other.example.org/exact", false)]
    [InlineData("https://other.example.org/exact/path?next=x", false)]
    [InlineData("http://app.example.org/", false)]
    [InlineData("https://app.example.org:8443/", false)]
    [InlineData("https://app.example.org.evil.test/", false)]
    [InlineData("https://evil.test@app.example.org/", false)]
    [InlineData("https://evil.test\\@app.example.org/", false)]
    [InlineData("//app.example.org/", false)]
    [InlineData("/relative/path", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,hi", false)]
    public async Task Every_redirectTo_is_checked_against_the_allow_list(string redirectTo, bool allowed)
    {
        var response = await server.CreateClient().PostJsonAsync("/api/auth/forgot-password", new { email = Accounts.NewEmail(), redirectTo });
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
        if (!allowed) Assert.Equal("redirect_not_allowed", (await response.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task A_reset_link_opens_the_allowed_page()
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PostJsonAsync("/api/auth/forgot-password", new { email, redirectTo = "https://app.example.org/account/reset" });
        var mail = (await Mailboxes.WaitForAsync(server.OutboxPath, email, 2)).Single(m => m.Subject.Contains("Reset"));
        Assert.StartsWith("https://app.example.org/account/reset?token=", mail.Link);
        Assert.Contains("&type=password_reset", mail.Link);
    }
}
