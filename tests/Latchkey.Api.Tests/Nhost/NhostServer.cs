using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>A server with the Nhost options the tests exercise: guests allowed, one allowed redirect.</summary>
public partial class NhostServer : LatchkeyServer
{
    public const string AllowedRedirect = "https://app.example.com/welcome";

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Latchkey:Users:AnonymousSignInEnabled"] = "true";
        settings["Latchkey:SignUp:AllowedRedirectUrls:0"] = AllowedRedirect;
        ConfigureSocial(settings);
    }
}

/// <summary>A server whose database check fails, for the health endpoint's error answer.</summary>
public sealed class UnhealthyNhostServer : NhostServer
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddHealthChecks().AddCheck("always-down", () => HealthCheckResult.Unhealthy("down for the test"));
}

/// <summary>Nhost API calls as the SDK makes them.</summary>
public static class NhostCalls
{
    public static async Task<JsonElement> SignUpAsync(this HttpClient client, string? email = null, object? options = null)
    {
        var response = await client.PostJsonAsync("/v1/signup/email-password",
            new { email = email ?? Accounts.NewEmail(), password = Accounts.Password, options });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("session");
    }

    public static async Task<JsonElement> SignInAnonymousAsync(this HttpClient client)
    {
        var response = await client.PostJsonAsync("/v1/signin/anonymous", new { displayName = "Guest" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("session");
    }

    public static string AccessToken(this JsonElement session) => session.Str("accessToken");

    public static string RefreshToken(this JsonElement session) => session.Str("refreshToken");

    /// <summary>The JWT payload, decoded as the SDK does.</summary>
    public static JsonElement Claims(string accessToken) =>
        JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(accessToken.Split('.')[1])).RootElement.Clone();
}
