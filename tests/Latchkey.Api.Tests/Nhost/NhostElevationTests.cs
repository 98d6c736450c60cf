using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>Elevation with a security key: the <c>x-hasura-auth-elevated</c> claim and the BearerAuthElevated operations.</summary>
public sealed class NhostElevationTests(NhostServer server) : IClassFixture<NhostServer>
{
    private const string Claim = "x-hasura-auth-elevated";
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task The_claim_is_absent_before_elevation_present_after_and_dropped_by_a_refresh()
    {
        using var key = new SoftwareAuthenticator();
        var session = await _client.WebauthnSessionAsync(key);
        var userId = session.GetProperty("user").Str("id");
        Assert.False(NhostWebauthnCalls.HasuraClaims(session.AccessToken()).TryGetProperty(Claim, out _));

        var elevated = await _client.ElevateAsync(key, session.AccessToken());
        Assert.Equal(HttpStatusCode.OK, elevated.StatusCode);
        var elevatedSession = (await elevated.JsonAsync()).GetProperty("session");
        Assert.Equal(userId, NhostWebauthnCalls.HasuraClaims(elevatedSession.AccessToken()).Str(Claim));

        var refreshed = await _client.PostJsonAsync("/v1/token", new { refreshToken = elevatedSession.RefreshToken() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.False(NhostWebauthnCalls.HasuraClaims((await refreshed.JsonAsync()).AccessToken()).TryGetProperty(Claim, out _));
    }

    [Fact]
    public async Task A_key_holder_needs_an_elevated_token_for_PATs_passwords_email_changes_and_more_keys()
    {
        using var key = new SoftwareAuthenticator();
        var plain = (await _client.WebauthnSessionAsync(key)).AccessToken();
        var pat = new { expiresAt = DateTimeOffset.UtcNow.AddDays(7), metadata = new { name = "ci" } };
        var password = new { newPassword = "amber-Quarry-57-silent-Meadow" };

        await NhostWebauthnTests.AssertErrorAsync(await _client.PostJsonAsync("/v1/pat", pat, plain), HttpStatusCode.Unauthorized, "invalid-request");
        await NhostWebauthnTests.AssertErrorAsync(await _client.PostJsonAsync("/v1/user/password", password, plain), HttpStatusCode.Unauthorized, "invalid-request");
        await NhostWebauthnTests.AssertErrorAsync(await _client.PostJsonAsync("/v1/user/webauthn/add", new { }, plain), HttpStatusCode.Unauthorized, "invalid-request");
        var emailChange = new { newEmail = Accounts.NewEmail() };
        await NhostWebauthnTests.AssertErrorAsync(await _client.PostJsonAsync("/v1/user/email/change", emailChange, plain), HttpStatusCode.Unauthorized, "invalid-request");

        var elevated = await _client.ElevatedTokenAsync(key, plain);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync("/v1/pat", pat, elevated)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync("/v1/user/password", password, elevated)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync("/v1/user/email/change", emailChange, elevated)).StatusCode);
        using var second = new SoftwareAuthenticator();
        Assert.Equal(HttpStatusCode.OK, (await _client.AddSecurityKeyAsync(second, elevated)).StatusCode);
    }

    [Fact]
    public async Task An_elevation_ends_with_the_step_up_window_while_the_token_lives_on()
    {
        using var key = new SoftwareAuthenticator();
        var elevated = await _client.ElevatedTokenAsync(key, (await _client.WebauthnSessionAsync(key)).AccessToken());
        var pat = new { expiresAt = DateTimeOffset.UtcNow.AddDays(7) };

        server.Clock.Advance(TimeSpan.FromMinutes(6)); // step-up window 5 minutes, token 15
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/v1/user", elevated)).StatusCode);
        await NhostWebauthnTests.AssertErrorAsync(await _client.PostJsonAsync("/v1/pat", pat, elevated), HttpStatusCode.Unauthorized, "invalid-request");
    }

    [Fact]
    public async Task Only_the_callers_own_key_elevates_and_only_once()
    {
        using var mine = new SoftwareAuthenticator();
        using var theirs = new SoftwareAuthenticator();
        var token = (await _client.WebauthnSessionAsync(mine)).AccessToken();
        await _client.WebauthnSessionAsync(theirs);

        var foreign = await _client.ElevateAsync(theirs, token);
        await NhostWebauthnTests.AssertErrorAsync(foreign, HttpStatusCode.BadRequest, "invalid-request");

        var credential = await _client.AssertionAsync(mine, "/v1/elevate/webauthn", token);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync("/v1/elevate/webauthn/verify", new { credential }, token)).StatusCode);
        var replayed = await _client.PostJsonAsync("/v1/elevate/webauthn/verify", new { credential }, token);
        await NhostWebauthnTests.AssertErrorAsync(replayed, HttpStatusCode.Unauthorized, "invalid-ticket");
    }

    [Fact]
    public async Task Without_a_security_key_there_is_nothing_to_elevate_and_no_claim_is_asked()
    {
        var token = (await _client.SignUpAsync()).AccessToken();
        await NhostWebauthnTests.AssertErrorAsync(await _client.PostJsonAsync("/v1/elevate/webauthn", new { }, token), HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync("/v1/pat", new { expiresAt = DateTimeOffset.UtcNow.AddDays(7) }, token)).StatusCode);
    }
}

/// <summary>A server in Nhost's "required" mode: every BearerAuthElevated operation needs the claim.</summary>
public sealed class ElevationRequiredServer : NhostServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Latchkey:Nhost:ElevatedClaim"] = "required";
    }
}

public sealed class NhostElevationRequiredTests(ElevationRequiredServer server) : IClassFixture<ElevationRequiredServer>
{
    [Fact]
    public async Task Even_a_user_without_a_key_cannot_create_a_PAT()
    {
        var client = server.CreateClient();
        var token = (await client.SignUpAsync()).AccessToken();
        await NhostWebauthnTests.AssertErrorAsync(await client.PostJsonAsync("/v1/pat", new { expiresAt = DateTimeOffset.UtcNow.AddDays(7) }, token),
            HttpStatusCode.Unauthorized, "invalid-request");
    }
}
