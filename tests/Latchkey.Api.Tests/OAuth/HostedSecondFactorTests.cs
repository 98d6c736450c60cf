using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>The hosted sign-in page's second-factor step during an authorize request.</summary>
public sealed class HostedSecondFactorTests(OAuthServer server) : IClassFixture<OAuthServer>
{
    private const string Csrf = "csrf_token";

    /// <summary>A new account with TOTP; a fresh browser stands at the sign-in page of an authorize request.</summary>
    private async Task<(HttpClient Browser, string Email, byte[] Key, TestClient Client, Pkce Pkce, Dictionary<string, string> Fields)> AtSignInAsync()
    {
        var client = await server.CreateClientAsync();
        var (owner, email) = await server.SignedInAsync();
        var (key, _) = await owner.EnableTotpAsync(server);
        server.Clock.Advance(TimeSpan.FromSeconds(30)); // the enrollment used the current time step
        var browser = server.CreateClient();
        var pkce = Pkce.New();
        var login = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, pkce));
        var page = await browser.GetAsync(login.OriginalString);
        return (browser, email, key, client, pkce, OAuthFlows.FormFields(await page.Content.ReadAsStringAsync()));
    }

    private static async Task<(HttpResponseMessage Response, string Html)> PasswordAsync(HttpClient browser, string email, Dictionary<string, string> fields)
    {
        var response = await browser.PostFormAsync("/login", fields.Append(new("email", email)).Append(new("password", Accounts.Password)));
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_totp_account_finishes_the_authorize_request_after_the_code_step()
    {
        var (browser, email, key, client, pkce, fields) = await AtSignInAsync();
        var (password, html) = await PasswordAsync(browser, email, fields);
        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        Assert.False(password.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("auth_token=")));
        Assert.Contains("autocomplete=\"one-time-code\"", html);
        Assert.Contains("<label for=\"code\">", html);
        Assert.Contains("frame-ancestors 'none'", password.Headers.GetValues("Content-Security-Policy").Single());
        var step = OAuthFlows.FormFields(html);
        Assert.True(step.ContainsKey("challenge"));

        var wrong = await browser.PostFormAsync("/login/second-factor", step.Append(new("method", "totp")).Append(new("code", "000000")).Append(new("action", "verify")));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", wrongHtml);
        Assert.Contains("aria-invalid=\"true\"", wrongHtml);
        Assert.Equal("/login", (await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, pkce))).AbsolutePathOf());

        var retry = OAuthFlows.FormFields(wrongHtml);
        var right = await browser.PostFormAsync("/login/second-factor",
            retry.Append(new("method", "totp")).Append(new("code", TwoFactor.Code(server, key))).Append(new("action", "verify")));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var back = right.Headers.Location!.OriginalString;
        Assert.StartsWith("/api/oauth/authorize?", back);
        var code = (await browser.AuthorizeAsync(back)).Query()["code"];
        var tokens = await (await server.ExchangeAsync(client, code, pkce)).OkJsonAsync();
        Assert.True(tokens.TryGetProperty("id_token", out _));

        // The same form again (a replay of the challenge) starts nothing, even with a fresh code.
        var replay = await server.CreateClient().PostFormAsync("/login/second-factor",
            retry.Append(new("method", "totp")).Append(new("code", TwoFactor.Code(server, key, 1))).Append(new("action", "verify")));
        Assert.NotEqual(HttpStatusCode.Redirect, replay.StatusCode);
    }

    [Fact]
    public async Task A_replayed_challenge_is_refused_and_sends_the_user_back_to_the_password()
    {
        var (browser, email, key, _, _, fields) = await AtSignInAsync();
        var step = OAuthFlows.FormFields((await PasswordAsync(browser, email, fields)).Html);
        var form = step.Append(new("method", "totp")).Append(new("code", TwoFactor.Code(server, key))).Append(new("action", "verify")).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/login/second-factor", form)).StatusCode);

        var other = server.CreateClient();
        var otherFields = OAuthFlows.FormFields(await (await other.GetAsync("/login")).Content.ReadAsStringAsync());
        var replay = await other.PostFormAsync("/login/second-factor", form.Where(f => f.Key != Csrf)
            .Append(new(Csrf, otherFields[Csrf])));
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        var html = await replay.Content.ReadAsStringAsync();
        Assert.Contains("id=\"password\"", html);
        Assert.Contains("invalid or expired", html);
    }

    [Fact]
    public async Task The_code_step_without_the_antiforgery_token_is_refused()
    {
        var (browser, email, key, client, pkce, fields) = await AtSignInAsync();
        var step = OAuthFlows.FormFields((await PasswordAsync(browser, email, fields)).Html);
        var forged = await browser.PostFormAsync("/login/second-factor", step.Where(f => f.Key != Csrf)
            .Append(new("method", "totp")).Append(new("code", TwoFactor.Code(server, key))).Append(new("action", "verify")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("/login", (await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, pkce))).AbsolutePathOf());

        // The ticket was not touched: the real form still completes.
        var real = await browser.PostFormAsync("/login/second-factor",
            step.Append(new("method", "totp")).Append(new("code", TwoFactor.Code(server, key))).Append(new("action", "verify")));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
    }

    private async Task<string> EmailCodeAsync(string email, int count) =>
        (await server.Explained(Mailboxes.WaitForAsync(server.OutboxPath, email, count), email))
            .Where(m => m.Subject.Contains("sign-in code")).Last().Code;

    [Fact]
    public async Task An_email_factor_account_has_the_code_sent_from_the_page_and_finishes()
    {
        var client = await server.CreateClientAsync();
        var (owner, email) = await server.SignedInAsync();
        Assert.Equal(HttpStatusCode.OK, (await owner.PostJsonAsync("/api/auth/2fa/setup", new { method = "email" })).StatusCode);
        var confirm = await owner.PostJsonAsync("/api/auth/2fa/verify", new { method = "email", code = await EmailCodeAsync(email, 2) });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);

        var browser = server.CreateClient();
        var pkce = Pkce.New();
        var login = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, pkce));
        var fields = OAuthFlows.FormFields(await (await browser.GetAsync(login.OriginalString)).Content.ReadAsStringAsync());
        var html = (await PasswordAsync(browser, email, fields)).Html;
        Assert.Contains("<option value=\"email\" selected>", html);
        Assert.Contains("value=\"send\"", html);

        var sent = await browser.PostFormAsync("/login/second-factor", OAuthFlows.FormFields(html).Append(new("method", "email")).Append(new("action", "send")));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var sentHtml = await sent.Content.ReadAsStringAsync();
        Assert.Contains("role=\"status\"", sentHtml);
        var done = await browser.PostFormAsync("/login/second-factor", OAuthFlows.FormFields(sentHtml)
            .Append(new("method", "email")).Append(new("code", await EmailCodeAsync(email, 3))).Append(new("action", "verify")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var code = (await browser.AuthorizeAsync(done.Headers.Location!.OriginalString)).Query()["code"];
        await (await server.ExchangeAsync(client, code, pkce)).OkJsonAsync();
    }

    [Fact]
    public async Task A_recovery_code_is_offered_and_accepted()
    {
        var client = await server.CreateClientAsync();
        var (owner, email) = await server.SignedInAsync();
        var (_, recovery) = await owner.EnableTotpAsync(server);
        var browser = server.CreateClient();
        var login = await browser.AuthorizeAsync(OAuthFlows.AuthorizeUrl(client, Pkce.New()));
        var fields = OAuthFlows.FormFields(await (await browser.GetAsync(login.OriginalString)).Content.ReadAsStringAsync());
        var html = (await PasswordAsync(browser, email, fields)).Html;
        Assert.Contains("value=\"recovery\"", html);
        var done = await browser.PostFormAsync("/login/second-factor",
            OAuthFlows.FormFields(html).Append(new("method", "recovery")).Append(new("code", recovery[0])).Append(new("action", "verify")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
    }
}

internal static class LocationPaths
{
    public static string AbsolutePathOf(this Uri location) =>
        (location.IsAbsoluteUri ? location : new Uri(new Uri("http://x"), location)).AbsolutePath;
}
