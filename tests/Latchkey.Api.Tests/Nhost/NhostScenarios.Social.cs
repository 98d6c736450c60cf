using Latchkey.Api.Tests.Infrastructure;
using Latchkey.Api.Tests.Social;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>The ID-token and provider-redirect operations, against the server's fake GitHub/Apple upstream.</summary>
public sealed partial class NhostScenarios
{
    /// <summary>A success request for one of these operations, or null when the operation is not one of them.</summary>
    private Task<HttpResponseMessage>? SocialSuccess(string operationId) => operationId switch
    {
        "signInIdToken" => _client.PostJsonAsync("/v1/signin/idtoken", new
        {
            provider = "apple", idToken = AppleIdToken(Guid.NewGuid().ToString("N"), Accounts.NewEmail("apple"), "n-1"), nonce = "n-1",
            options = new { displayName = "Ada", locale = "en", metadata = new { a = 1 }, allowedRoles = new[] { "user" }, defaultRole = "user" },
        }),
        "linkIdToken" => LinkAsync(AppleIdToken(Guid.NewGuid().ToString("N"), Accounts.NewEmail("link"), "n-2"), "n-2"),
        "signInProvider" => _client.GetAsync($"/v1/signin/provider/github?redirectTo={Uri.EscapeDataString(NhostServer.AllowedRedirect)}&allowedRoles=user&locale=en"),
        "signInProviderCallbackGet" => ProviderRoundTripAsync("github"),
        "signInProviderCallbackPost" => ProviderRoundTripAsync("apple"),
        _ => null,
    };

    /// <summary>An error request for one of these operations, or null when the operation is not one of them.</summary>
    private Task<HttpResponseMessage>? SocialError(string operationId) => operationId switch
    {
        "signInIdToken" => _client.PostJsonAsync("/v1/signin/idtoken", new
        {
            provider = "apple", idToken = AppleIdToken(Guid.NewGuid().ToString("N"), Accounts.NewEmail("apple"), "n", audience: "com.someone.else"), nonce = "n",
        }),
        "linkIdToken" => LinkAsync("not.a.jwt", null),
        "signInProvider" => _client.GetAsync("/v1/signin/provider/github?redirectTo=" + Uri.EscapeDataString("https://evil.example/")),
        "signInProviderCallbackGet" => _client.GetAsync("/v1/signin/provider/github/callback?code=x&state=" + new string('s', 43)),
        "signInProviderCallbackPost" => _client.PostAsync("/v1/signin/provider/apple/callback",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "x", ["state"] = new string('s', 43) })),
        _ => null,
    };

    private async Task<HttpResponseMessage> LinkAsync(string idToken, string? nonce) =>
        await _client.PostJsonAsync("/v1/link/idtoken", new { provider = "apple", idToken, nonce }, (await _client.SignUpAsync()).AccessToken());

    /// <summary>Start, the upstream's consent (a redirect, or Apple's self-posting form), then the callback's own answer.</summary>
    private async Task<HttpResponseMessage> ProviderRoundTripAsync(string provider)
    {
        var start = await _client.GetAsync($"/v1/signin/provider/{provider}?redirectTo={Uri.EscapeDataString(NhostServer.AllowedRedirect)}");
        _client.SetCookie(server, "upstream_user", UpstreamUser.New().ToCookie());
        var authorize = start.Headers.Location!.ToString();
        return provider == "apple"
            ? await _client.SubmitFormPostAsync(server, authorize)
            : await _client.GetAsync(await _client.FollowToCallbackAsync(server, authorize));
    }

    private string AppleIdToken(string sub, string email, string? nonce, string audience = FakeGitHub.AppleClientId) =>
        AppleIdTokens.Issue(server.GitHub, server.Clock, sub, email, nonce, audience);
}
