using System.Net;
using System.Text.Json;
using Xunit;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>Passkey ceremonies through the public API, answered by a <see cref="SoftwareAuthenticator"/>.</summary>
public static class Passkeys
{
    public static async Task<HttpResponseMessage> RegisterPasskeyAsync(this HttpClient client, SoftwareAuthenticator authenticator, string? name = null)
    {
        var options = await client.PostJsonAsync("/api/auth/passkey/register-options", new { });
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        var body = await options.JsonAsync();
        return await client.PostJsonAsync("/api/auth/passkey/register-verify", new
        {
            challengeToken = body.Str("challengeToken"),
            credential = authenticator.Create(body.GetProperty("options")),
            name,
        });
    }

    /// <summary>Options from authenticate-options, answered by <paramref name="authenticator"/>: (challengeToken, credential).</summary>
    public static async Task<(string Token, object Credential)> AssertAsync(this HttpClient client, SoftwareAuthenticator authenticator)
    {
        var options = await client.PostJsonAsync("/api/auth/passkey/authenticate-options", new { });
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        var body = await options.JsonAsync();
        return (body.Str("challengeToken"), authenticator.Get(body.GetProperty("options")));
    }

    public static async Task<HttpResponseMessage> PasskeySignInAsync(this HttpClient client, SoftwareAuthenticator authenticator)
    {
        var (token, credential) = await client.AssertAsync(authenticator);
        return await client.PostJsonAsync("/api/auth/passkey/authenticate-verify", new { challengeToken = token, credential });
    }

    public static async Task<JsonElement> PasskeyListAsync(this HttpClient client) =>
        (await (await client.GetAsync("/api/user/passkeys")).JsonAsync()).GetProperty("passkeys");
}
