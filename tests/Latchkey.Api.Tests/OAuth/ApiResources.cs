using System.Net;
using System.Text.Json;
using Latchkey.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit;

namespace Latchkey.Api.Tests.OAuth;

/// <summary>Defining API resources through the admin API, and reading the tokens issued for them.</summary>
public static class ApiResources
{
    /// <summary>A resource with a unique identifier and scopes <c>{prefix}:read</c> and <c>{prefix}:write</c>.</summary>
    public static async Task<(string Identifier, string Read, string Write)> CreateApiResourceAsync(
        this LatchkeyServer server, string? readDescription = null)
    {
        var prefix = "api" + Guid.NewGuid().ToString("N")[..8];
        var identifier = $"https://{prefix}.example.com";
        var admin = await server.AdminAsync();
        var response = await admin.PostJsonAsync("/api/admin/api-resources", new
        {
            identifier,
            name = $"Orders API {prefix}",
            scopes = new[]
            {
                new { value = prefix + ":read", description = readDescription ?? "Read your orders" },
                new { value = prefix + ":write", description = "Change your orders" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (identifier, prefix + ":read", prefix + ":write");
    }

    public static JsonWebToken Jwt(this JsonElement tokens) => new(tokens.Str("access_token"));

    public static string Audience(this JsonElement tokens) => Assert.Single(tokens.Jwt().Audiences);
}
