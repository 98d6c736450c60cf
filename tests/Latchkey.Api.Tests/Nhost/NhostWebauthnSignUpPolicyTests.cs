using System.Net;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>A server that requires verified addresses and opens sign-up to one domain.</summary>
public sealed class VerifiedSignUpServer : NhostServer
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Latchkey:SignUp:RequireEmailVerification"] = "true";
        settings["Latchkey:SignUp:AllowedEmailDomains:0"] = "example.com";
    }
}

/// <summary>Passkey and email-password sign-ups follow the sign-up policy: no session before the address is verified.</summary>
public sealed class NhostWebauthnSignUpPolicyTests(VerifiedSignUpServer server) : IClassFixture<VerifiedSignUpServer>
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task The_session_waits_for_the_verified_address()
    {
        using var key = new SoftwareAuthenticator();
        var email = Accounts.NewEmail();
        var signedUp = await _client.SignUpWebauthnAsync(key, email);
        Assert.Equal(HttpStatusCode.OK, signedUp.StatusCode);
        Assert.False((await signedUp.JsonAsync()).TryGetProperty("session", out _));
        Assert.NotNull(await server.OutboxMailAsync(email));

        await NhostWebauthnTests.AssertErrorAsync(await _client.SignInWebauthnAsync(key), HttpStatusCode.Unauthorized, "unverified-user");
    }

    [Fact]
    public async Task An_email_password_sign_up_gets_no_session_until_the_address_is_verified()
    {
        var email = Accounts.NewEmail();
        var signedUp = await _client.PostJsonAsync("/v1/signup/email-password", new { email, password = Accounts.Password });
        Assert.Equal(HttpStatusCode.OK, signedUp.StatusCode);
        Assert.False((await signedUp.JsonAsync()).TryGetProperty("session", out _));
        Assert.NotNull(await server.OutboxMailAsync(email));

        var signIn = await _client.PostJsonAsync("/v1/signin/email-password", new { email, password = Accounts.Password });
        Assert.False(signIn.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Other_domains_cannot_sign_up()
    {
        var refused = await _client.PostJsonAsync("/v1/signup/webauthn", new { email = $"user-{Guid.NewGuid():N}@elsewhere.test" });
        await NhostWebauthnTests.AssertErrorAsync(refused, HttpStatusCode.Forbidden, "signup-disabled");
    }
}
