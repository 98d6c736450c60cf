using System.Net.Http.Json;
using Latchkey.Api.Tests.Infrastructure;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>One success and one error request per routed Nhost operation, made as a client would.</summary>
public sealed partial class NhostScenarios(NhostServer server, LatchkeyServer? unhealthy = null)
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
        "signInOTPEmail" => await _client.PostJsonAsync("/v1/signin/otp/email", new { email = Accounts.NewEmail() }),
        "signInPasswordlessEmail" => await _client.PostJsonAsync("/v1/signin/passwordless/email",
            new { email = Accounts.NewEmail(), options = new { redirectTo = NhostServer.AllowedRedirect } }),
        "verifySignInOTPEmail" => await VerifyEmailCodeAsync(right: true),
        "signInPasswordlessSms" => await _client.PostJsonAsync("/v1/signin/passwordless/sms", new { phoneNumber = NewPhone() }),
        "verifySignInPasswordlessSms" => await VerifySmsCodeAsync(),
        "sendPasswordResetEmail" => await _client.PostJsonAsync("/v1/user/password/reset", new { email = Accounts.NewEmail(), options = new { redirectTo = NhostServer.AllowedRedirect } }),
        "sendVerificationEmail" => await _client.PostJsonAsync("/v1/user/email/send-verification-email", new { email = Accounts.NewEmail() }),
        _ => await (MfaSuccess(operationId) ?? WebauthnSuccess(operationId) ?? SocialSuccess(operationId)
            ?? throw new InvalidOperationException($"No success scenario for {operationId}: add one")),
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
        "signInOTPEmail" => await _client.PostJsonAsync("/v1/signin/otp/email", new { options = new { locale = "en" } }),
        "signInPasswordlessEmail" => await _client.PostJsonAsync("/v1/signin/passwordless/email",
            new { email = Accounts.NewEmail(), options = new { redirectTo = "https://evil.example/" } }),
        "verifySignInOTPEmail" => await VerifyEmailCodeAsync(right: false),
        "signInPasswordlessSms" => await _client.PostJsonAsync("/v1/signin/passwordless/sms", new { phoneNumber = "" }),
        "verifySignInPasswordlessSms" => await _client.PostJsonAsync("/v1/signin/passwordless/sms/otp", new { phoneNumber = NewPhone(), otp = "123456" }),
        "sendPasswordResetEmail" => await _client.PostJsonAsync("/v1/user/password/reset", new { email = Accounts.NewEmail(), options = new { redirectTo = "https://evil.example/" } }),
        "sendVerificationEmail" => await _client.PostJsonAsync("/v1/user/email/send-verification-email", new { options = new { redirectTo = NhostServer.AllowedRedirect } }),
        _ => await (MfaError(operationId) ?? WebauthnError(operationId) ?? SocialError(operationId)
            ?? throw new InvalidOperationException($"No error scenario for {operationId}: add one")),
    };

    private static string NewPhone() => "+4930" + Random.Shared.Next(1_000_000, 9_999_999);

    /// <summary>An account's email code from the outbox (the sign-up's verification mail arrives too).</summary>
    private async Task<HttpResponseMessage> VerifyEmailCodeAsync(bool right)
    {
        var email = Accounts.NewEmail();
        await _client.SignUpAsync(email);
        await _client.PostJsonAsync("/v1/signin/otp/email", new { email });
        var mail = (await server.Explained(Mailboxes.WaitForAsync(server.OutboxPath, email, 2), email)).Single(m => m.Subject.Contains("sign-in code"));
        var otp = right ? mail.Code : mail.Code == "000000" ? "111111" : "000000";
        return await _client.PostJsonAsync("/v1/signin/otp/email/verify", new { email, otp });
    }

    /// <summary>A verified phone (through the Platform API), then an SMS code for it from the outbox.</summary>
    private async Task<HttpResponseMessage> VerifySmsCodeAsync()
    {
        var platform = server.CreateClient();
        await platform.PlatformLoginAsync(await platform.RegisterAsync());
        var phone = NewPhone();
        await platform.PostJsonAsync("/api/user/phone/send-code", new { phoneNumber = phone });
        await platform.PostJsonAsync("/api/user/phone/verify", new { phoneNumber = phone, code = await SmsCodeAsync(phone, 1) });
        await _client.PostJsonAsync("/v1/signin/passwordless/sms", new { phoneNumber = phone });
        return await _client.PostJsonAsync("/v1/signin/passwordless/sms/otp", new { phoneNumber = phone, otp = await SmsCodeAsync(phone, 2) });
    }

    private async Task<string> SmsCodeAsync(string phone, int count)
    {
        var folder = Path.Combine(server.OutboxPath, "sms");
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            var texts = Directory.Exists(folder)
                ? new DirectoryInfo(folder).GetFiles().OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name)
                    .Select(f => File.ReadAllText(f.FullName)).Where(t => t.Contains(phone)).ToList()
                : [];
            if (texts.Count >= count) return System.Text.RegularExpressions.Regex.Match(texts[count - 1], @"\b\d{6}\b").Value;
        }
        throw new TimeoutException($"No SMS number {count} to {phone} in {folder}.");
    }

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
