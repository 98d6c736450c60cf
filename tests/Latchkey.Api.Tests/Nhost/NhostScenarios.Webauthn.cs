using Latchkey.Api.Tests.Infrastructure;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>The WebAuthn operations' scenarios (sign-up, sign-in, security keys, elevation).</summary>
public sealed partial class NhostScenarios
{
    private Task<HttpResponseMessage>? WebauthnSuccess(string id) => id switch
    {
        "signUpWebauthn" => _client.PostJsonAsync("/v1/signup/webauthn", new
        {
            email = Accounts.NewEmail(),
            options = new { displayName = "Ada", locale = "en", metadata = new { a = 1 }, allowedRoles = new[] { "user" }, defaultRole = "user", redirectTo = NhostServer.AllowedRedirect },
        }),
        "verifySignUpWebauthn" => _client.SignUpWebauthnAsync(new SoftwareAuthenticator(), options: new { displayName = "Ada" }),
        "signInWebauthn" => _client.PostJsonAsync("/v1/signin/webauthn", new { email = Accounts.NewEmail() }),
        "verifySignInWebauthn" => WithKeyAsync((key, _) => _client.SignInWebauthnAsync(key)),
        "addSecurityKey" => WithPasswordAccountAsync(token => _client.PostJsonAsync("/v1/user/webauthn/add", new { }, token)),
        "verifyAddSecurityKey" => WithPasswordAccountAsync(token => _client.AddSecurityKeyAsync(new SoftwareAuthenticator(), token)),
        "elevateWebauthn" => WithKeyAsync((_, token) => _client.PostJsonAsync("/v1/elevate/webauthn", new { }, token)),
        "verifyElevateWebauthn" => WithKeyAsync((key, token) => _client.ElevateAsync(key, token)),
        _ => null,
    };

    private Task<HttpResponseMessage>? WebauthnError(string id) => id switch
    {
        "signUpWebauthn" => TakenEmailSignUpAsync(),
        "verifySignUpWebauthn" => _client.PostJsonAsync("/v1/signup/webauthn/verify", new { credential = new SoftwareAuthenticator().Create(UnknownChallenge()) }),
        "signInWebauthn" => _client.PostJsonAsync("/v1/signin/webauthn", new { email = "not-an-email" }),
        "verifySignInWebauthn" => _client.PostJsonAsync("/v1/signin/webauthn/verify", new { credential = new SoftwareAuthenticator().Get(UnknownChallenge()) }),
        "addSecurityKey" => _client.PostJsonAsync("/v1/user/webauthn/add", new { }),
        "verifyAddSecurityKey" => WithPasswordAccountAsync(token => _client.PostJsonAsync("/v1/user/webauthn/verify", new { nickname = "no credential" }, token)),
        "elevateWebauthn" => WithPasswordAccountAsync(token => _client.PostJsonAsync("/v1/elevate/webauthn", new { }, token)),
        "verifyElevateWebauthn" => WithKeyAsync(async (_, token) => await _client.ElevateAsync(new SoftwareAuthenticator(), token)),
        _ => null,
    };

    /// <summary>Options nobody issued: a random challenge and a user handle.</summary>
    private static System.Text.Json.JsonElement UnknownChallenge() => System.Text.Json.JsonSerializer.SerializeToElement(new
    {
        challenge = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        user = new { id = System.Buffers.Text.Base64Url.EncodeToString(Guid.NewGuid().ToByteArray()) },
    });

    private async Task<HttpResponseMessage> WithKeyAsync(Func<SoftwareAuthenticator, string, Task<HttpResponseMessage>> call)
    {
        var key = new SoftwareAuthenticator();
        return await call(key, (await _client.WebauthnSessionAsync(key)).AccessToken());
    }

    private async Task<HttpResponseMessage> WithPasswordAccountAsync(Func<string, Task<HttpResponseMessage>> call) =>
        await call((await _client.SignUpAsync()).AccessToken());

    private async Task<HttpResponseMessage> TakenEmailSignUpAsync()
    {
        var email = Accounts.NewEmail();
        await _client.SignUpAsync(email);
        return await _client.PostJsonAsync("/v1/signup/webauthn", new { email });
    }
}
