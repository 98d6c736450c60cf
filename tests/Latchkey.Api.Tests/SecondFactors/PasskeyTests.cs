using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.SecondFactors;

public sealed class PasskeyTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task Options_follow_the_configuration_and_ask_for_discoverable_verified_credentials()
    {
        var (client, _) = await server.SignedInAsync();
        var creation = (await (await client.PostJsonAsync("/api/auth/passkey/register-options", new { })).JsonAsync()).GetProperty("options");
        Assert.Equal("latchkey.test", creation.GetProperty("rp").Str("id"));
        Assert.Equal("Latchkey", creation.GetProperty("rp").Str("name"));
        Assert.Equal("required", creation.GetProperty("authenticatorSelection").Str("residentKey"));
        Assert.Equal("required", creation.GetProperty("authenticatorSelection").Str("userVerification"));

        var request = await server.CreateClient().PostJsonAsync("/api/auth/passkey/authenticate-options", new { });
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        var options = (await request.JsonAsync()).GetProperty("options");
        Assert.Equal("latchkey.test", options.Str("rpId"));
        Assert.Equal("required", options.Str("userVerification"));
        Assert.True(!options.TryGetProperty("allowCredentials", out var allow) || allow.GetArrayLength() == 0);
    }

    [Fact]
    public async Task Register_then_sign_in_with_the_passkey_alone()
    {
        var (client, email) = await server.SignedInAsync();
        using var authenticator = new SoftwareAuthenticator();
        var registered = await client.RegisterPasskeyAsync(authenticator, "Laptop");
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var passkey = (await registered.JsonAsync()).GetProperty("passkey");
        Assert.Equal(authenticator.CredentialIdText, passkey.Str("credentialId"));
        Assert.Equal("Laptop", passkey.Str("deviceName"));
        Assert.Equal(1, (await client.SecurityAsync()).GetProperty("passkeyCount").GetInt32());

        var browser = server.CreateClient();
        var signedIn = await browser.PasskeySignInAsync(authenticator);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(email, (await signedIn.JsonAsync()).GetProperty("user").Str("email"));
        var sessions = await (await browser.GetAsync("/api/user/sessions")).JsonAsync();
        Assert.Contains(sessions.GetProperty("sessions").EnumerateArray(), s => s.Str("authMethod") == "passkey" && s.GetProperty("isCurrent").GetBoolean());
        var listed = Assert.Single((await browser.PasskeyListAsync()).EnumerateArray());
        Assert.NotNull(listed.GetProperty("lastUsedAt").GetString());

        var activity = await (await client.GetAsync("/api/user/activity")).JsonAsync();
        Assert.Contains(activity.GetProperty("activities").EnumerateArray(), a => a.Str("type") == "passkey.added");
    }

    [Fact]
    public async Task A_passkey_satisfies_both_factors_of_a_2fa_account()
    {
        var (client, email) = await server.SignedInAsync();
        await client.EnableTotpAsync(server);
        using var authenticator = new SoftwareAuthenticator();
        Assert.Equal(HttpStatusCode.Created, (await client.RegisterPasskeyAsync(authenticator)).StatusCode);

        var other = server.CreateClient();
        await other.PasswordStepAsync(email);
        var signedIn = await other.PasskeySignInAsync(authenticator);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Ceremony_tickets_are_single_use()
    {
        var (client, _) = await server.SignedInAsync();
        using var authenticator = new SoftwareAuthenticator();
        var options = await (await client.PostJsonAsync("/api/auth/passkey/register-options", new { })).JsonAsync();
        var credential = authenticator.Create(options.GetProperty("options"));
        var token = options.Str("challengeToken");
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/auth/passkey/register-verify", new { challengeToken = token, credential })).StatusCode);
        var again = await client.PostJsonAsync("/api/auth/passkey/register-verify", new { challengeToken = token, credential });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("invalid_challenge", (await again.JsonAsync()).Str("code"));

        var browser = server.CreateClient();
        var (assertToken, assertion) = await browser.AssertAsync(authenticator);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostJsonAsync("/api/auth/passkey/authenticate-verify", new { challengeToken = assertToken, credential = assertion })).StatusCode);
        var replay = await server.CreateClient().PostJsonAsync("/api/auth/passkey/authenticate-verify", new { challengeToken = assertToken, credential = assertion });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task Wrong_origins_cloned_counters_and_garbage_are_rejected_without_a_session()
    {
        var (client, _) = await server.SignedInAsync();
        using var authenticator = new SoftwareAuthenticator();
        Assert.Equal(HttpStatusCode.Created, (await client.RegisterPasskeyAsync(authenticator)).StatusCode);

        var browser = server.CreateClient();
        authenticator.Origin = "http://evil.test";
        var phished = await browser.PasskeySignInAsync(authenticator);
        Assert.Equal(HttpStatusCode.BadRequest, phished.StatusCode);
        Assert.Equal("passkey_rejected", (await phished.JsonAsync()).Str("code"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/auth/me")).StatusCode);

        authenticator.Origin = "http://latchkey.test";
        authenticator.Counter = 10;
        Assert.Equal(HttpStatusCode.OK, (await browser.PasskeySignInAsync(authenticator)).StatusCode);
        authenticator.Counter = 3; // a clone that has fallen behind
        var cloned = await server.CreateClient().PasskeySignInAsync(authenticator);
        Assert.Equal(HttpStatusCode.BadRequest, cloned.StatusCode);

        var options = await (await client.PostJsonAsync("/api/auth/passkey/register-options", new { })).JsonAsync();
        var garbage = await client.PostJsonAsync("/api/auth/passkey/register-verify",
            new { challengeToken = options.Str("challengeToken"), credential = new { id = "AAAA", type = "public-key", response = new { } } });
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        var missing = await client.PostJsonAsync("/api/auth/passkey/register-verify", new { challengeToken = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Single((await client.PasskeyListAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Delete_by_credential_id_stops_the_passkey_and_can_sign_out_others()
    {
        var (client, email) = await server.SignedInAsync();
        var other = server.CreateClient();
        await other.PlatformLoginAsync(email);
        using var authenticator = new SoftwareAuthenticator();
        await client.RegisterPasskeyAsync(authenticator);

        var bad = await client.SendAsync(HttpMethod.Delete, "/api/user/passkeys?credentialId=not*base64");
        Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Delete, "/api/user/passkeys", body: new { credentialId = "AAAAAAAAAAAAAAAAAAAAAA" })).StatusCode);
        var deleted = await client.SendAsync(HttpMethod.Delete, "/api/user/passkeys",
            body: new { credentialId = authenticator.CredentialIdText, signOutOtherSessions = true });
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(1, (await deleted.JsonAsync()).GetProperty("otherSessionsRevoked").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/auth/me")).StatusCode);

        Assert.Empty((await client.PasskeyListAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await server.CreateClient().PasskeySignInAsync(authenticator)).StatusCode);
        var activity = await (await client.GetAsync("/api/user/activity")).JsonAsync();
        Assert.Contains(activity.GetProperty("activities").EnumerateArray(), a => a.Str("type") == "passkey.removed");
    }

    [Fact]
    public async Task A_passkey_elevates_only_its_own_users_session()
    {
        var (client, _) = await server.SignedInAsync();
        using var mine = new SoftwareAuthenticator();
        await client.RegisterPasskeyAsync(mine);
        var (stranger, _) = await server.SignedInAsync();
        using var theirs = new SoftwareAuthenticator();
        await stranger.RegisterPasskeyAsync(theirs);
        server.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/auth/passkey/register-options", new { })).StatusCode);

        var (foreignToken, foreign) = await client.AssertAsync(theirs);
        var refused = await client.PostJsonAsync("/api/auth/elevate", new { passkey = new { challengeToken = foreignToken, credential = foreign } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var (token, credential) = await client.AssertAsync(mine);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/elevate", new { passkey = new { challengeToken = token, credential } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/auth/passkey/register-options", new { })).StatusCode);
    }
}
