using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>Nhost email links: every mail of a Nhost flow leads through /v1/verify, which redirects only to allowed URLs.</summary>
public sealed class NhostVerifyTests(NhostServer server) : IClassFixture<NhostServer>
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task A_magic_link_redirects_with_a_refresh_token_once()
    {
        var email = Accounts.NewEmail();
        await _client.PostJsonAsync("/v1/signin/passwordless/email", new { email, options = new { redirectTo = NhostServer.AllowedRedirect } });
        var link = await server.VerifyLinkAsync(email, "sign-in link");
        Assert.Contains("ticket=passwordlessEmail%3A", link);

        var first = await _client.GetAsync(link);
        Assert.StartsWith(NhostServer.AllowedRedirect + "?", first.Headers.Location!.ToString());
        var query = first.RedirectQuery();
        Assert.Equal("signinPasswordless", query["type"]);
        var refreshed = await _client.PostJsonAsync("/v1/token", new { refreshToken = query["refreshToken"] });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(email, (await refreshed.JsonAsync()).GetProperty("user").Str("email"));

        var again = (await _client.GetAsync(link)).RedirectQuery();
        Assert.Equal("invalid-ticket", again["error"]);
        Assert.False(again.ContainsKey("refreshToken"));
    }

    [Fact]
    public async Task A_bad_ticket_redirects_with_the_error_and_a_bad_redirect_is_a_json_error()
    {
        var redirectTo = Uri.EscapeDataString(NhostServer.AllowedRedirect);
        foreach (var ticket in new[] { "passwordlessEmail:" + new string('A', 43), "verifyEmail:nope", "mfaTotp:" + new string('A', 43), "whatever" })
        {
            var query = (await _client.GetAsync($"/v1/verify?ticket={Uri.EscapeDataString(ticket)}&type=emailVerify&redirectTo={redirectTo}")).RedirectQuery();
            Assert.Equal("invalid-ticket", query["error"]);
            Assert.False(string.IsNullOrEmpty(query["errorDescription"]));
        }

        var open = await _client.GetAsync("/v1/verify?ticket=verifyEmail:x&redirectTo=" + Uri.EscapeDataString("https://evil.example/welcome"));
        await NhostAssert.ErrorAsync(open, HttpStatusCode.BadRequest, "redirectTo-not-allowed");
        Assert.Null(open.Headers.Location);
        await NhostAssert.ErrorAsync(await _client.GetAsync("/v1/verify?ticket=verifyEmail:x"), HttpStatusCode.BadRequest, "invalid-request");
        await NhostAssert.ErrorAsync(await _client.GetAsync($"/v1/verify?ticket=verifyEmail:x&type=other&redirectTo={redirectTo}"), HttpStatusCode.BadRequest, "invalid-request");
    }

    [Fact]
    public async Task The_sign_up_verification_link_verifies_and_signs_in()
    {
        var email = Accounts.NewEmail();
        await _client.SignUpAsync(email, new { redirectTo = NhostServer.AllowedRedirect });
        var query = (await _client.GetAsync(await server.VerifyLinkAsync(email, "Verify"))).RedirectQuery();
        Assert.Equal("emailVerify", query["type"]);
        var session = await (await _client.PostJsonAsync("/v1/token", new { refreshToken = query["refreshToken"] })).JsonAsync();
        Assert.True(session.GetProperty("user").GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task A_magic_link_does_not_skip_the_second_factor()
    {
        var (email, _, _) = await _client.TotpAccountAsync(server);
        await _client.PostJsonAsync("/v1/signin/passwordless/email", new { email, options = new { redirectTo = NhostServer.AllowedRedirect } });
        var query = (await _client.GetAsync(await server.VerifyLinkAsync(email, "sign-in link"))).RedirectQuery();
        Assert.Equal("invalid-request", query["error"]);
        Assert.False(query.ContainsKey("refreshToken"));
    }

    [Fact]
    public async Task An_email_change_is_confirmed_from_the_new_inbox_and_the_old_one_is_told()
    {
        var email = Accounts.NewEmail();
        var access = (await _client.SignUpAsync(email)).AccessToken();
        var newEmail = Accounts.NewEmail("new");
        var requested = await _client.PostJsonAsync("/v1/user/email/change", new { newEmail, options = new { redirectTo = NhostServer.AllowedRedirect } }, access);
        Assert.Equal("\"OK\"", await requested.Content.ReadAsStringAsync());

        var query = (await _client.GetAsync(await server.VerifyLinkAsync(newEmail, "Confirm"))).RedirectQuery();
        Assert.Equal("emailConfirmChange", query["type"]);
        var user = await (await _client.GetAsync("/v1/user", access)).JsonAsync();
        Assert.Equal(newEmail, user.Str("email"));
        Assert.Contains(await Mailboxes.WaitForAsync(server.OutboxPath, email, 2), m => m.Text.Contains(newEmail));
    }

    [Fact]
    public async Task A_change_to_a_taken_address_answers_like_any_other_until_the_link_is_opened()
    {
        var taken = Accounts.NewEmail("taken");
        await _client.SignUpAsync(taken);
        var access = (await _client.SignUpAsync()).AccessToken();

        var toTaken = await _client.PostJsonAsync("/v1/user/email/change", new { newEmail = taken, options = new { redirectTo = NhostServer.AllowedRedirect } }, access);
        var toFree = await _client.PostJsonAsync("/v1/user/email/change", new { newEmail = Accounts.NewEmail("free") }, access);
        Assert.Equal(HttpStatusCode.OK, toTaken.StatusCode);
        Assert.Equal(await toFree.Content.ReadAsStringAsync(), await toTaken.Content.ReadAsStringAsync());

        // Only the owner of the taken inbox learns it, from the link.
        var query = (await _client.GetAsync(await server.VerifyLinkAsync(taken, "Confirm"))).RedirectQuery();
        Assert.Equal("email-already-in-use", query["error"]);
    }

    [Fact]
    public async Task An_email_change_needs_a_recent_sign_in_and_an_allowed_redirect()
    {
        var session = await _client.SignUpAsync();
        await NhostAssert.ErrorAsync(await _client.PostJsonAsync("/v1/user/email/change",
            new { newEmail = Accounts.NewEmail(), options = new { redirectTo = "https://evil.example/" } }, session.AccessToken()),
            HttpStatusCode.BadRequest, "redirectTo-not-allowed");
        await server.AdvanceClockAsync(TimeSpan.FromMinutes(6));
        var refreshed = await (await _client.PostJsonAsync("/v1/token", new { refreshToken = session.RefreshToken() })).JsonAsync();
        await NhostAssert.ErrorAsync(await _client.PostJsonAsync("/v1/user/email/change", new { newEmail = Accounts.NewEmail() }, refreshed.Str("accessToken")),
            HttpStatusCode.Unauthorized, "invalid-request");
    }
}
