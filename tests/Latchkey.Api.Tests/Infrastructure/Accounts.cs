using System.Net;
using System.Text.Json;
using Xunit;

namespace Latchkey.Api.Tests.Infrastructure;

/// <summary>Creates accounts and signs in through the public API, as a client would.</summary>
public static class Accounts
{
    public const string Password = "velvet-Harbor-92-quiet-Lantern";

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    public static async Task<string> RegisterAsync(this HttpClient client, string? email = null, string password = Password)
    {
        email ??= NewEmail();
        var response = await client.PostJsonAsync("/api/auth/register", new { email, password, firstName = "Ada", lastName = "Lovelace" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    /// <summary>Signs in through the Simple API; returns (access token, refresh token).</summary>
    public static async Task<(string Access, string Refresh)> SimpleLoginAsync(this HttpClient client, string email, string password = Password)
    {
        var response = await client.PostJsonAsync("/api/v1/auth/login", new { username = email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.Str("token"), body.Str("refreshToken"));
    }

    /// <summary>Signs in through the Platform API; the client's cookie jar keeps the session.</summary>
    public static async Task<JsonElement> PlatformLoginAsync(this HttpClient client, string email, string password = Password)
    {
        var response = await client.PostJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>A new account signed in through the Platform API on a client of its own.</summary>
    public static async Task<(HttpClient Client, string Email)> SignedInAsync(this LatchkeyServer server)
    {
        var client = server.CreateClient();
        var email = await client.RegisterAsync();
        await client.PlatformLoginAsync(email);
        return (client, email);
    }
}
