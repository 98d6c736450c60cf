using System.Net.Http.Json;
using Latchkey.Api.Tests.Infrastructure;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>One success and one error request per routed Nhost operation, made as a client would.</summary>
public sealed class NhostScenarios(NhostServer server, LatchkeyServer? unhealthy = null)
{
    private readonly HttpClient _client = server.CreateClient();

    public async Task<HttpResponseMessage> SuccessAsync(string operationId) => operationId switch
    {
        "getJWKs" => await _client.GetAsync("/v1/.well-known/jwks.json"),
        "healthCheckGet" => await _client.GetAsync("/v1/healthz"),
        "healthCheckHead" => await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1/healthz")),
        "getVersion" => await _client.GetAsync("/v1/version"),
        "signUpEmailPassword" => await _client.PostJsonAsync("/v1/signup/email-password", new
        {
            email = Accounts.NewEmail(), password = Accounts.Password,
            options = new { displayName = "Ada", locale = "en", metadata = new { a = 1 }, allowedRoles = new[] { "user" }, defaultRole = "user", redirectTo = NhostServer.AllowedRedirect },
        }),
        "signInEmailPassword" => await SignInAsync(Accounts.Password),
        "signInAnonymous" => await _client.PostJsonAsync("/v1/signin/anonymous", new { displayName = "Guest", locale = "en", metadata = new { b = 2 } }),
        "signInPAT" => await _client.PostJsonAsync("/v1/signin/pat", new { personalAccessToken = await NewPatAsync() }),
        "createPAT" => await CreatePatAsync((await _client.SignUpAsync()).AccessToken()),
        "refreshToken" => await _client.PostJsonAsync("/v1/token", new { refreshToken = (await _client.SignUpAsync()).RefreshToken() }),
        "verifyToken" => await _client.PostJsonAsync("/v1/token/verify", new { token = (await _client.SignUpAsync()).AccessToken() }),
        "signOut" => await _client.PostJsonAsync("/v1/signout", new { refreshToken = (await _client.SignUpAsync()).RefreshToken() }),
        "getUser" => await _client.GetAsync("/v1/user", (await _client.SignUpAsync()).AccessToken()),
        "deanonymizeUser" => await _client.PostJsonAsync("/v1/user/deanonymize",
            new { signInMethod = "email-password", email = Accounts.NewEmail(), password = Accounts.Password },
            (await _client.SignInAnonymousAsync()).AccessToken()),
        "changeUserPassword" => await _client.PostJsonAsync("/v1/user/password",
            new { newPassword = "amber-Quarry-57-silent-Meadow" }, (await _client.SignUpAsync()).AccessToken()),
        _ => throw new InvalidOperationException($"No success scenario for {operationId}: add one"),
    };

    public async Task<HttpResponseMessage> ErrorAsync(string operationId) => operationId switch
    {
        "healthCheckGet" => await Unhealthy().GetAsync("/v1/healthz"),
        "healthCheckHead" => await Unhealthy().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1/healthz")),
        "signUpEmailPassword" => await _client.PostJsonAsync("/v1/signup/email-password", new { email = Accounts.NewEmail(), password = "abc" }),
        "signInEmailPassword" => await SignInAsync("not-the-password-at-all"),
        "signInAnonymous" => await _client.PostJsonAsync("/v1/signin/anonymous", new { locale = "xx" }),
        "signInPAT" => await _client.PostJsonAsync("/v1/signin/pat", new { personalAccessToken = "sk_live_" + new string('x', 40) }),
        "createPAT" => await _client.PostJsonAsync("/v1/pat", new { expiresAt = DateTime.UtcNow.AddDays(1) }),
        "refreshToken" => await _client.PostJsonAsync("/v1/token", new { refreshToken = Guid.NewGuid() }),
        "verifyToken" => await _client.PostJsonAsync("/v1/token/verify", new { token = "not.a.jwt" }),
        "signOut" => await _client.PostJsonAsync("/v1/signout", new { refreshToken = new string('a', 43) }),
        "getUser" => await _client.GetAsync("/v1/user"),
        "deanonymizeUser" => await _client.PostJsonAsync("/v1/user/deanonymize",
            new { signInMethod = "email-password", email = Accounts.NewEmail(), password = Accounts.Password },
            (await _client.SignUpAsync()).AccessToken()),
        "changeUserPassword" => await _client.PostJsonAsync("/v1/user/password", new { newPassword = "amber-Quarry-57-silent-Meadow" }),
        _ => throw new InvalidOperationException($"No error scenario for {operationId}: add one"),
    };

    private HttpClient Unhealthy() => (unhealthy ?? throw new InvalidOperationException("This scenario needs the unhealthy server")).CreateClient();

    private async Task<HttpResponseMessage> SignInAsync(string password)
    {
        var email = Accounts.NewEmail();
        await _client.SignUpAsync(email);
        return await _client.PostJsonAsync("/v1/signin/email-password", new { email, password });
    }

    private Task<HttpResponseMessage> CreatePatAsync(string accessToken) =>
        _client.PostJsonAsync("/v1/pat", new { expiresAt = DateTimeOffset.UtcNow.AddDays(30), metadata = new { name = "ci" } }, accessToken);

    private async Task<string> NewPatAsync()
    {
        var response = await CreatePatAsync((await _client.SignUpAsync()).AccessToken());
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Str("personalAccessToken");
    }
}
