using System.Text.Json;
using System.Net;
using Latchkey.Api.Nhost;
using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>Sign-up options, roles, guests, passwords and personal access tokens through the Nhost surface.</summary>
public sealed class NhostAccountTests(NhostServer server) : IClassFixture<NhostServer>
{
    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(error, body.Str("error"));
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
    }

    private Task<HttpResponseMessage> SignUpAsync(object? options, string password = Accounts.Password) =>
        server.CreateClient().PostJsonAsync("/v1/signup/email-password", new { email = Accounts.NewEmail(), password, options });

    [Fact]
    public async Task Sign_up_options_are_validated_as_the_spec_says()
    {
        await AssertErrorAsync(await SignUpAsync(new { allowedRoles = new[] { "admin" } }), HttpStatusCode.BadRequest, "role-not-allowed");
        await AssertErrorAsync(await SignUpAsync(new { allowedRoles = new[] { "me" } }), HttpStatusCode.BadRequest, "default-role-must-be-in-allowed-roles");
        await AssertErrorAsync(await SignUpAsync(new { defaultRole = "admin" }), HttpStatusCode.BadRequest, "default-role-must-be-in-allowed-roles");
        await AssertErrorAsync(await SignUpAsync(new { locale = "fr" }), HttpStatusCode.BadRequest, "locale-not-allowed");
        await AssertErrorAsync(await SignUpAsync(new { redirectTo = "https://evil.example.com/" }), HttpStatusCode.BadRequest, "redirectTo-not-allowed");
        await AssertErrorAsync(await SignUpAsync(new { displayName = "a/b" }), HttpStatusCode.BadRequest, "invalid-request");
        await AssertErrorAsync(await SignUpAsync(new { metadata = new[] { 1 } }), HttpStatusCode.BadRequest, "invalid-request");
    }

    [Fact]
    public async Task The_core_password_policy_wins_over_the_spec_minimum_of_three()
    {
        await AssertErrorAsync(await SignUpAsync(null, "abcd"), HttpStatusCode.BadRequest, "password-too-short");
        // Longer than the spec's 50 characters is fine: the core accepts long passphrases.
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync(null, Accounts.Password + "-" + Accounts.Password)).StatusCode);
    }

    [Fact]
    public async Task Nothing_is_written_when_sign_up_fails()
    {
        var email = Accounts.NewEmail();
        var client = server.CreateClient();
        await AssertErrorAsync(await client.PostJsonAsync("/v1/signup/email-password", new { email, password = Accounts.Password, options = new { locale = "fr" } }),
            HttpStatusCode.BadRequest, "locale-not-allowed");
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/signup/email-password", new { email, password = Accounts.Password })).StatusCode);
    }

    [Fact]
    public async Task A_guest_cannot_set_a_password_and_deanonymizing_to_a_taken_email_fails()
    {
        var client = server.CreateClient();
        var taken = Accounts.NewEmail();
        await client.SignUpAsync(taken);
        var guest = (await client.SignInAnonymousAsync()).AccessToken();
        await AssertErrorAsync(await client.PostJsonAsync("/v1/user/password", new { newPassword = "amber-Quarry-57-silent-Meadow" }, guest),
            HttpStatusCode.Forbidden, "forbidden-anonymous");
        await AssertErrorAsync(await client.PostJsonAsync("/v1/user/deanonymize", new { signInMethod = "email-password", email = taken, password = Accounts.Password }, guest),
            HttpStatusCode.Conflict, "email-already-in-use");
        await AssertErrorAsync(await client.PostJsonAsync("/v1/user/deanonymize", new { signInMethod = "email-password", email = Accounts.NewEmail() }, guest),
            HttpStatusCode.BadRequest, "invalid-request");
    }

    [Fact]
    public async Task A_refresh_answers_the_same_user_as_the_user_endpoint()
    {
        // On PostgreSQL the refresh reads the user in the rotation's statement, elsewhere by a second read: same answer.
        var client = server.CreateClient();
        var signedUp = await client.PostJsonAsync("/v1/signup/email-password",
            new { email = Accounts.NewEmail(), password = Accounts.Password, options = new { displayName = "Ada L", metadata = new { plan = "pro", n = 3 } } });
        var body = await signedUp.JsonAsync();
        Assert.True(signedUp.StatusCode == HttpStatusCode.OK, body.GetRawText());
        var session = body.GetProperty("session");
        var refreshed = (await (await client.PostJsonAsync("/v1/token", new { refreshToken = session.RefreshToken() })).JsonAsync()).GetProperty("user");
        var user = await (await client.GetAsync("/v1/user", session.AccessToken())).JsonAsync();
        Assert.Equal(user.GetRawText(), refreshed.GetRawText());
        Assert.Equal("Ada L", refreshed.Str("displayName"));
        Assert.Equal("pro", refreshed.GetProperty("metadata").Str("plan"));
    }

    [Fact]
    public async Task Changing_the_password_without_the_current_one_needs_a_recent_sign_in()
    {
        var client = server.CreateClient();
        var session = await client.SignUpAsync();
        server.Clock.Advance(TimeSpan.FromMinutes(16));
        var refreshed = await (await client.PostJsonAsync("/v1/token", new { refreshToken = session.RefreshToken() })).JsonAsync();
        var response = await client.PostJsonAsync("/v1/user/password", new { newPassword = "amber-Quarry-57-silent-Meadow" }, refreshed.Str("accessToken"));
        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid-request");
        Assert.Contains("Sign in again", (await response.JsonAsync()).Str("message"));
    }

    [Fact]
    public async Task A_personal_access_token_stops_working_when_it_expires()
    {
        var client = server.CreateClient();
        var session = await client.SignUpAsync();
        var access = session.AccessToken();
        await AssertErrorAsync(await client.PostJsonAsync("/v1/pat", new { expiresAt = server.Clock.GetUtcNow().AddMinutes(-1) }, access),
            HttpStatusCode.BadRequest, "invalid-request");
        var created = await client.PostJsonAsync("/v1/pat", new { expiresAt = server.Clock.GetUtcNow().AddDays(1) }, access);
        var pat = (await created.JsonAsync()).Str("personalAccessToken");
        // Until then it is an API key of its owner on every surface.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me", pat)).StatusCode);

        server.Clock.Advance(TimeSpan.FromDays(2));
        await AssertErrorAsync(await client.PostJsonAsync("/v1/signin/pat", new { personalAccessToken = pat }), HttpStatusCode.Unauthorized, "invalid-pat");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me", pat)).StatusCode);

        using var scope = server.Services.CreateScope();
        var (activity, _) = await scope.ServiceProvider.GetRequiredService<IActivityStore>()
            .ListForUserAsync(Guid.Parse(session.GetProperty("user").Str("id")), 1, 10, CancellationToken.None);
        Assert.Contains(activity, a => a.Type == ActivityTypes.LoginFailed && !a.Success && a.Details!.Contains("expired"));
    }

    [Fact]
    public async Task A_password_reset_ticket_from_the_mail_sets_the_password_once()
    {
        var client = server.CreateClient();
        var email = Accounts.NewEmail();
        await client.SignUpAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/user/password/reset", new { email })).StatusCode);
        // The mail links to /v1/verify with the spec's ticket; the app receives that ticket in its redirect.
        var link = await server.VerifyLinkAsync(email, "Reset");
        var ticket = (await client.GetAsync(link)).RedirectQuery()["ticket"];
        Assert.StartsWith("passwordReset:", ticket);
        const string newPassword = "amber-Quarry-57-silent-Meadow";

        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/user/password", new { newPassword, ticket })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/v1/signin/email-password", new { email, password = newPassword })).StatusCode);
        await AssertErrorAsync(await client.PostJsonAsync("/v1/user/password", new { newPassword = Accounts.Password, ticket }),
            HttpStatusCode.Unauthorized, "invalid-ticket");
        await AssertErrorAsync(await client.PostJsonAsync("/v1/user/password", new { newPassword, ticket = ticket["passwordReset:".Length..] }),
            HttpStatusCode.Unauthorized, "invalid-ticket");
    }

    [Fact]
    public void Every_core_error_code_has_a_spec_error_code()
    {
        var translator = server.Services.GetRequiredService<NhostErrors>();
        var specCodes = NhostSpec.Instance.Schema("ErrorResponse").GetProperty("properties").GetProperty("error").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).ToHashSet();
        foreach (var code in AuthErrorCodes.All)
            Assert.Contains(translator.Translate(code).Error, specCodes);
        var breached = (Latchkey.Api.Nhost.Contracts.NhostErrorResponse)translator.Body(new AuthError(AuthErrorCodes.WeakPassword, "m",
            new Dictionary<string, string> { ["rule"] = Core.Credentials.PasswordPolicy.RuleBreached }), null);
        Assert.Equal("password-in-hibp-database", breached.Error);
    }
}

/// <summary>Anonymous sign-in is off by default, as in Nhost.</summary>
public sealed class NhostDefaultsTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task Anonymous_sign_in_is_a_disabled_endpoint_unless_enabled()
    {
        var response = await server.CreateClient().PostJsonAsync("/v1/signin/anonymous", new { });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("disabled-endpoint", (await response.JsonAsync()).Str("error"));
    }
}

public sealed class ConcealingServer : NhostServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Latchkey:Nhost:ConcealErrors"] = "true";
    }
}

/// <summary>With ConcealErrors, answers that would reveal an account are all 400 invalid-request.</summary>
public sealed class NhostConcealedErrorTests(ConcealingServer server) : IClassFixture<ConcealingServer>
{
    [Fact]
    public async Task Taken_email_wrong_password_and_unknown_account_look_the_same()
    {
        var client = server.CreateClient();
        var email = Accounts.NewEmail();
        await client.SignUpAsync(email);
        var answers = new[]
        {
            await client.PostJsonAsync("/v1/signup/email-password", new { email, password = Accounts.Password }),
            await client.PostJsonAsync("/v1/signin/email-password", new { email, password = "not-the-password-at-all" }),
            await client.PostJsonAsync("/v1/signin/email-password", new { email = Accounts.NewEmail(), password = "not-the-password-at-all" }),
        };
        var bodies = new List<string>();
        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            bodies.Add(await answer.Content.ReadAsStringAsync());
        }
        Assert.Single(bodies.Distinct());
        Assert.Equal("invalid-request", JsonDocument.Parse(bodies[0]).RootElement.Str("error"));
    }
}
