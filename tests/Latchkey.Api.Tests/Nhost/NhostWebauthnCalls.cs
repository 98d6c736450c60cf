using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Xunit;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>The Nhost WebAuthn ceremonies as the SDK drives them, answered by a <see cref="SoftwareAuthenticator"/>.</summary>
public static class NhostWebauthnCalls
{
    public static async Task<JsonElement> OptionsAsync(this HttpClient client, string path, object body, string? bearer = null)
    {
        var response = await client.PostJsonAsync(path, body, bearer);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<HttpResponseMessage> SignUpWebauthnAsync(this HttpClient client, SoftwareAuthenticator authenticator, string? email = null, object? options = null)
    {
        var creation = await client.OptionsAsync("/v1/signup/webauthn", new { email = email ?? Accounts.NewEmail(), options });
        return await client.PostJsonAsync("/v1/signup/webauthn/verify", new { credential = authenticator.Create(creation), options, nickname = "Laptop" });
    }

    /// <summary>Signs up with a new passkey and returns the session (the server must not require verified addresses).</summary>
    public static async Task<JsonElement> WebauthnSessionAsync(this HttpClient client, SoftwareAuthenticator authenticator, string? email = null)
    {
        var response = await client.SignUpWebauthnAsync(authenticator, email);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("session");
    }

    public static async Task<object> AssertionAsync(this HttpClient client, SoftwareAuthenticator authenticator, string path = "/v1/signin/webauthn", string? bearer = null) =>
        authenticator.Get(await client.OptionsAsync(path, new { }, bearer));

    public static async Task<HttpResponseMessage> SignInWebauthnAsync(this HttpClient client, SoftwareAuthenticator authenticator) =>
        await client.PostJsonAsync("/v1/signin/webauthn/verify", new { credential = await client.AssertionAsync(authenticator) });

    public static async Task<HttpResponseMessage> AddSecurityKeyAsync(this HttpClient client, SoftwareAuthenticator authenticator, string bearer, string? nickname = "Yubikey")
    {
        var creation = await client.OptionsAsync("/v1/user/webauthn/add", new { }, bearer);
        return await client.PostJsonAsync("/v1/user/webauthn/verify", new { credential = authenticator.Create(creation), nickname }, bearer);
    }

    public static async Task<HttpResponseMessage> ElevateAsync(this HttpClient client, SoftwareAuthenticator authenticator, string bearer) =>
        await client.PostJsonAsync("/v1/elevate/webauthn/verify",
            new { credential = await client.AssertionAsync(authenticator, "/v1/elevate/webauthn", bearer) }, bearer);

    /// <summary>The elevated session's access token (asserting success).</summary>
    public static async Task<string> ElevatedTokenAsync(this HttpClient client, SoftwareAuthenticator authenticator, string bearer)
    {
        var response = await client.ElevateAsync(authenticator, bearer);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("session").AccessToken();
    }

    public static JsonElement HasuraClaims(string accessToken) => NhostCalls.Claims(accessToken).GetProperty("https://hasura.io/jwt/claims");
}
