using Latchkey.Api.Tests.Infrastructure;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>The scenarios of the TOTP, email-change and ticket operations.</summary>
public sealed partial class NhostScenarios
{
    private Task<HttpResponseMessage>? MfaSuccess(string operationId) => operationId switch
    {
        "changeUserMfa" => GenerateAsync(),
        "verifyChangeUserMfa" => ActivateAsync(),
        "verifySignInMfaTotp" => MfaSignInAsync(),
        "changeUserEmail" => ChangeEmailAsync(Accounts.NewEmail()),
        "verifyTicket" => MagicLinkVerifyAsync(),
        _ => null,
    };

    private Task<HttpResponseMessage>? MfaError(string operationId) => operationId switch
    {
        "changeUserMfa" => _client.GetAsync("/v1/mfa/totp/generate"),
        "verifyChangeUserMfa" => ActivateWithoutSecretAsync(),
        "verifySignInMfaTotp" => _client.MfaSignInAsync("mfaTotp:" + new string('A', 43), "123456"),
        "changeUserEmail" => ChangeEmailAsync("not-an-email"),
        "verifyTicket" => _client.GetAsync("/v1/verify?ticket=passwordlessEmail:x&redirectTo=" + Uri.EscapeDataString("https://evil.example/")),
        _ => null,
    };

    private async Task<HttpResponseMessage> GenerateAsync() =>
        await _client.GetAsync("/v1/mfa/totp/generate", (await _client.SignUpAsync()).AccessToken());

    private async Task<HttpResponseMessage> ActivateAsync()
    {
        var access = (await _client.SignUpAsync()).AccessToken();
        var key = await _client.GenerateTotpAsync(access);
        return await _client.PostJsonAsync("/v1/user/mfa", new { code = TwoFactor.Code(server, key), activeMfaType = "totp" }, access);
    }

    private async Task<HttpResponseMessage> ActivateWithoutSecretAsync() =>
        await _client.PostJsonAsync("/v1/user/mfa", new { code = "123456", activeMfaType = "totp" }, (await _client.SignUpAsync()).AccessToken());

    private async Task<HttpResponseMessage> MfaSignInAsync()
    {
        var (email, key, _) = await _client.TotpAccountAsync(server);
        // The activation used the current time step; a step is accepted once, so the app shows the next one.
        return await _client.MfaSignInAsync(await _client.MfaTicketAsync(email), TwoFactor.Code(server, key, 1));
    }

    private async Task<HttpResponseMessage> ChangeEmailAsync(string newEmail) =>
        await _client.PostJsonAsync("/v1/user/email/change", new { newEmail }, (await _client.SignUpAsync()).AccessToken());

    private async Task<HttpResponseMessage> MagicLinkVerifyAsync()
    {
        var email = Accounts.NewEmail();
        await _client.PostJsonAsync("/v1/signin/passwordless/email", new { email, options = new { redirectTo = NhostServer.AllowedRedirect } });
        return await _client.GetAsync(await server.VerifyLinkAsync(email, "sign-in link"));
    }
}
