using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>WebAuthn through the Nhost surface: the ceremonies' negatives (replay, foreign challenge, origin, key).</summary>
public sealed class NhostWebauthnTests(NhostServer server) : IClassFixture<NhostServer>
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Sign_up_with_a_passkey_creates_the_account_then_the_passkey_signs_in()
    {
        using var key = new SoftwareAuthenticator();
        var email = Accounts.NewEmail();
        var session = await _client.WebauthnSessionAsync(key, email);
        Assert.Equal(email, session.GetProperty("user").Str("email"));
        Assert.False(session.GetProperty("user").GetProperty("emailVerified").GetBoolean());

        var signedIn = await _client.SignInWebauthnAsync(key);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var user = (await signedIn.JsonAsync()).GetProperty("session").GetProperty("user");
        Assert.Equal(session.GetProperty("user").Str("id"), user.Str("id"));
        Assert.Equal(email, (await (await _client.GetAsync("/v1/user", session.AccessToken())).JsonAsync()).Str("email"));
    }

    [Fact]
    public async Task A_verified_assertion_cannot_be_replayed()
    {
        using var key = new SoftwareAuthenticator();
        await _client.WebauthnSessionAsync(key);
        var credential = await _client.AssertionAsync(key);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync("/v1/signin/webauthn/verify", new { credential })).StatusCode);

        var replayed = await _client.PostJsonAsync("/v1/signin/webauthn/verify", new { credential });
        await AssertErrorAsync(replayed, HttpStatusCode.Unauthorized, "invalid-ticket");
    }

    [Fact]
    public async Task A_challenge_only_finishes_its_own_ceremony()
    {
        using var key = new SoftwareAuthenticator();
        var token = (await _client.WebauthnSessionAsync(key)).AccessToken();

        // Sign-up options answered at sign-in, and an add-key challenge offered as a sign-up.
        var signUpOptions = await _client.OptionsAsync("/v1/signup/webauthn", new { email = Accounts.NewEmail() });
        var asSignIn = await _client.PostJsonAsync("/v1/signin/webauthn/verify", new { credential = key.Get(signUpOptions) });
        await AssertErrorAsync(asSignIn, HttpStatusCode.Unauthorized, "invalid-ticket");

        using var second = new SoftwareAuthenticator();
        var elevated = await _client.ElevatedTokenAsync(key, token);
        var addOptions = await _client.OptionsAsync("/v1/user/webauthn/add", new { }, elevated);
        var asSignUp = await _client.PostJsonAsync("/v1/signup/webauthn/verify", new { credential = second.Create(addOptions) });
        await AssertErrorAsync(asSignUp, HttpStatusCode.Unauthorized, "invalid-ticket");
    }

    [Fact]
    public async Task A_credential_from_another_origin_is_rejected_and_creates_nothing()
    {
        var email = Accounts.NewEmail();
        using var phishing = new SoftwareAuthenticator { Origin = "https://latchkey.test.evil.example" };
        var rejected = await _client.SignUpWebauthnAsync(phishing, email);
        await AssertErrorAsync(rejected, HttpStatusCode.BadRequest, "invalid-request");

        // The address is still free: the rejected ceremony wrote no account.
        using var honest = new SoftwareAuthenticator();
        Assert.Equal(email, (await _client.WebauthnSessionAsync(honest, email)).GetProperty("user").Str("email"));
    }

    [Fact]
    public async Task A_signature_from_another_key_is_rejected()
    {
        using var key = new SoftwareAuthenticator();
        await _client.WebauthnSessionAsync(key);
        using var impostor = new SoftwareAuthenticator { CredentialId = key.CredentialId, UserHandle = key.UserHandle };

        var rejected = await _client.SignInWebauthnAsync(impostor);
        await AssertErrorAsync(rejected, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(HttpStatusCode.OK, (await _client.SignInWebauthnAsync(key)).StatusCode);
    }

    [Fact]
    public async Task Sign_up_options_are_validated_and_a_taken_address_is_refused()
    {
        await AssertErrorAsync(await _client.PostJsonAsync("/v1/signup/webauthn", new { email = Accounts.NewEmail(), options = new { locale = "xx" } }),
            HttpStatusCode.BadRequest, "locale-not-allowed");
        await AssertErrorAsync(await _client.PostJsonAsync("/v1/signup/webauthn",
            new { email = Accounts.NewEmail(), options = new { redirectTo = "https://evil.example/" } }), HttpStatusCode.BadRequest, "redirectTo-not-allowed");
        await AssertErrorAsync(await _client.PostJsonAsync("/v1/signup/webauthn", new { options = new { locale = "en" } }),
            HttpStatusCode.BadRequest, "invalid-request");

        var email = Accounts.NewEmail();
        await _client.SignUpAsync(email);
        await AssertErrorAsync(await _client.PostJsonAsync("/v1/signup/webauthn", new { email }), HttpStatusCode.Conflict, "email-already-in-use");
    }

    [Fact]
    public async Task The_new_key_is_returned_with_its_nickname()
    {
        var token = (await _client.SignUpAsync()).AccessToken();
        using var key = new SoftwareAuthenticator();
        var added = await _client.AddSecurityKeyAsync(key, token, "Desk key");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var body = await added.JsonAsync();
        Assert.True(Guid.TryParse(body.Str("id"), out _));
        Assert.Equal("Desk key", body.Str("nickname"));
        Assert.Equal(HttpStatusCode.OK, (await _client.SignInWebauthnAsync(key)).StatusCode);
    }

    internal static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var body = await response.JsonAsync();
        Assert.Equal(error, body.Str("error"));
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
    }
}
