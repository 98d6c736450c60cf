using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Challenges;
using Latchkey.Core.Common;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>TOTP on the Nhost surface: the mfaTotp ticket's limits, wrong and stale codes, turning TOTP off.</summary>
public sealed class NhostMfaTests(NhostServer server) : IClassFixture<NhostServer>
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task The_ticket_signs_in_once_and_is_stored_only_as_its_hash()
    {
        var (email, key, _) = await _client.TotpAccountAsync(server);
        var ticket = await _client.MfaTicketAsync(email);
        var token = ticket["mfaTotp:".Length..];
        var stored = await server.QueryAsync(db => db.Set<AuthChallenge>().Where(c => c.Kind == ChallengeKinds.TwoFactorLogin).ToListAsync());
        Assert.Contains(stored, c => c.TokenHash.SequenceEqual(SecretHash.Sha256(token)));
        Assert.DoesNotContain(stored, c => c.State != null && c.State.Contains(token));

        var signedIn = await _client.MfaSignInAsync(ticket, TwoFactor.Code(server, key, 1));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(email, (await signedIn.JsonAsync()).GetProperty("session").GetProperty("user").Str("email"));
        Assert.Equal("totp", (await signedIn.JsonAsync()).GetProperty("session").GetProperty("user").Str("activeMfaType"));

        await server.AdvanceClockAsync(TimeSpan.FromSeconds(30));
        await NhostAssert.ErrorAsync(await _client.MfaSignInAsync(ticket, TwoFactor.Code(server, key, 1)), HttpStatusCode.Unauthorized, "invalid-ticket");
    }

    [Fact]
    public async Task A_wrong_code_is_invalid_totp_and_the_ticket_dies_after_its_attempts()
    {
        var (email, key, _) = await _client.TotpAccountAsync(server);
        var ticket = await _client.MfaTicketAsync(email);
        var wrong = TwoFactor.Code(server, key, 1) == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
            await NhostAssert.ErrorAsync(await _client.MfaSignInAsync(ticket, wrong), HttpStatusCode.Unauthorized, "invalid-totp");
        await NhostAssert.ErrorAsync(await _client.MfaSignInAsync(ticket, TwoFactor.Code(server, key, 1)), HttpStatusCode.Unauthorized, "invalid-ticket");
    }

    [Fact]
    public async Task A_code_from_minutes_ago_is_refused_and_an_expired_ticket_is_invalid()
    {
        var (email, key, _) = await _client.TotpAccountAsync(server);
        var ticket = await _client.MfaTicketAsync(email);
        await NhostAssert.ErrorAsync(await _client.MfaSignInAsync(ticket, TwoFactor.Code(server, key, -4)), HttpStatusCode.Unauthorized, "invalid-totp");

        await server.AdvanceClockAsync(TimeSpan.FromMinutes(6));
        await NhostAssert.ErrorAsync(await _client.MfaSignInAsync(ticket, TwoFactor.Code(server, key)), HttpStatusCode.Unauthorized, "invalid-ticket");
        // A new password step gives a new ticket, which the current code completes.
        var fresh = await _client.MfaTicketAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await _client.MfaSignInAsync(fresh, TwoFactor.Code(server, key))).StatusCode);
    }

    [Fact]
    public async Task A_ticket_without_the_mfaTotp_prefix_or_of_another_ceremony_is_refused()
    {
        var (email, key, _) = await _client.TotpAccountAsync(server);
        var token = (await _client.MfaTicketAsync(email))["mfaTotp:".Length..];
        await NhostAssert.ErrorAsync(await _client.MfaSignInAsync(token, TwoFactor.Code(server, key, 1)), HttpStatusCode.BadRequest, "invalid-request");
        await NhostAssert.ErrorAsync(await _client.MfaSignInAsync("passwordReset:" + token, TwoFactor.Code(server, key, 1)), HttpStatusCode.BadRequest, "invalid-request");
        await NhostAssert.ErrorAsync(await _client.MfaSignInAsync("mfaTotp:" + token, ""), HttpStatusCode.BadRequest, "invalid-request");
        // None of these used the ticket up.
        Assert.Equal(HttpStatusCode.OK, (await _client.MfaSignInAsync("mfaTotp:" + token, TwoFactor.Code(server, key, 1))).StatusCode);
    }

    [Fact]
    public async Task Activation_states_have_the_spec_error_names()
    {
        var (_, key, session) = await _client.TotpAccountAsync(server);
        var access = session.AccessToken();
        await NhostAssert.ErrorAsync(await _client.GetAsync("/v1/mfa/totp/generate", access), HttpStatusCode.BadRequest, "totp-already-active");
        await NhostAssert.ErrorAsync(await _client.PostJsonAsync("/v1/user/mfa", new { code = TwoFactor.Code(server, key, 1), activeMfaType = "totp" }, access),
            HttpStatusCode.BadRequest, "totp-already-active");
        await NhostAssert.ErrorAsync(await _client.PostJsonAsync("/v1/user/mfa", new { code = "123456", activeMfaType = "sms" }, access),
            HttpStatusCode.BadRequest, "mfa-type-not-found");

        var other = (await _client.SignUpAsync()).AccessToken();
        var otherKey = await _client.GenerateTotpAsync(other);
        var wrong = TwoFactor.Code(server, otherKey) == "000000" ? "111111" : "000000";
        await NhostAssert.ErrorAsync(await _client.PostJsonAsync("/v1/user/mfa", new { code = wrong, activeMfaType = "totp" }, other), HttpStatusCode.Unauthorized, "invalid-totp");
        await NhostAssert.ErrorAsync(await _client.PostJsonAsync("/v1/user/mfa", new { code = "123456", activeMfaType = "" }, other), HttpStatusCode.BadRequest, "disabled-mfa-totp");
    }

    [Fact]
    public async Task A_guest_cannot_generate_a_totp_secret() =>
        await NhostAssert.ErrorAsync(await _client.GetAsync("/v1/mfa/totp/generate", (await _client.SignInAnonymousAsync()).AccessToken()),
            HttpStatusCode.Forbidden, "forbidden-anonymous");

    [Fact]
    public async Task Deactivation_needs_a_current_code_then_the_password_alone_signs_in()
    {
        var (email, key, session) = await _client.TotpAccountAsync(server);
        var access = session.AccessToken();
        var wrong = TwoFactor.Code(server, key, 1) == "000000" ? "111111" : "000000";
        await NhostAssert.ErrorAsync(await _client.PostJsonAsync("/v1/user/mfa", new { code = wrong, activeMfaType = "" }, access), HttpStatusCode.Unauthorized, "invalid-totp");
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync("/v1/user/mfa", new { code = TwoFactor.Code(server, key, 1), activeMfaType = "" }, access)).StatusCode);

        var signIn = await (await _client.PostJsonAsync("/v1/signin/email-password", new { email, password = Accounts.Password })).JsonAsync();
        Assert.False(signIn.TryGetProperty("mfa", out _));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, signIn.GetProperty("session").GetProperty("user").GetProperty("activeMfaType").ValueKind);
    }

    [Fact]
    public async Task Code_sign_ins_without_room_for_a_ticket_refuse_a_totp_account()
    {
        var (email, _, _) = await _client.TotpAccountAsync(server);
        await _client.PostJsonAsync("/v1/signin/otp/email", new { email });
        var mail = (await server.Explained(Mailboxes.WaitForAsync(server.OutboxPath, email, 2), email)).Single(m => m.Subject.Contains("sign-in code"));
        await NhostAssert.ErrorAsync(await _client.PostJsonAsync("/v1/signin/otp/email/verify", new { email, otp = mail.Code }), HttpStatusCode.Forbidden, "invalid-request");
    }
}

/// <summary>With concealed errors, a wrong password tells nothing, and a right one still gets its MFA ticket.</summary>
public sealed class NhostConcealedMfaTests(ConcealingServer server) : IClassFixture<ConcealingServer>
{
    [Fact]
    public async Task Wrong_passwords_are_invalid_request_and_the_second_step_is_unchanged()
    {
        var client = server.CreateClient();
        var (email, key, _) = await client.TotpAccountAsync(server);
        await NhostAssert.ErrorAsync(await client.PostJsonAsync("/v1/signin/email-password", new { email, password = "not-the-password-at-all" }),
            HttpStatusCode.BadRequest, "invalid-request");
        var ticket = await client.MfaTicketAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.MfaSignInAsync(ticket, TwoFactor.Code(server, key, 1))).StatusCode);
    }
}
