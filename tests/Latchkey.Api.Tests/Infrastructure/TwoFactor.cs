using System.Net;
using System.Text.Json;
using Latchkey.Core.Mfa;
using Xunit;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>Enrolls TOTP through the public API and computes codes as an authenticator app would.</summary>
public static class TwoFactor
{
    /// <summary>Sets up and confirms TOTP for the signed-in client; returns the key and the recovery codes.</summary>
    public static async Task<(byte[] Key, IReadOnlyList<string> RecoveryCodes)> EnableTotpAsync(this HttpClient client, LatchkeyServer server)
    {
        var setup = await client.PostJsonAsync("/api/auth/2fa/setup", new { method = "totp" });
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var key = Base32Decode((await setup.JsonAsync()).Str("secret"));
        var confirm = await client.PostJsonAsync("/api/auth/2fa/verify", new { method = "totp", code = Code(server, key) });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var codes = (await confirm.JsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        return (key, codes);
    }

    /// <summary>The code for the server's current time step plus <paramref name="steps"/>.</summary>
    public static string Code(LatchkeyServer server, byte[] key, int steps = 0) =>
        Totp.Compute(key, Totp.TimeStep(server.Clock.GetUtcNow()) + steps);

    /// <summary>Password step of a 2FA account: asserts a challenge (and no session) and returns its token.</summary>
    public static async Task<string> PasswordStepAsync(this HttpClient client, string email, string password = Accounts.Password)
    {
        var response = await client.PostJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.SetsSessionCookie());
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("requiresTwoFactor").GetBoolean());
        return body.Str("challengeToken");
    }

    /// <summary>Whether the response starts a session (the 2FA challenge cookie of a password step is not one).</summary>
    public static bool SetsSessionCookie(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("auth_token=", StringComparison.Ordinal));

    public static Task<HttpResponseMessage> SecondStepAsync(this HttpClient client, string token, string code, string? method = "totp") =>
        client.PostJsonAsync("/api/auth/2fa/verify", new { challengeToken = token, code, method });

    public static async Task<JsonElement> SecurityAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/api/user/security");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("security");
    }

    /// <summary>The key behind a Base32 secret, as an authenticator app reads it.</summary>
    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }
}
