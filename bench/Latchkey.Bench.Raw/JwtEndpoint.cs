using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Bench.Raw;

/// <summary>
/// The floor under every token-issuing scenario: Kestrel plus the same payload writing and signing that
/// Latchkey's AccessTokenIssuer does, and nothing else (no database, no middleware).
/// </summary>
internal static class JwtEndpoint
{
    public static async Task<int> ServeAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();

        var key = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "bench" };
        var credentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        app.MapGet("/token", () => Results.Json(new TokenResponse(handler.CreateToken(Payload(), credentials), 900)));
        await app.RunAsync();
        return 0;
    }

    private static string Payload()
    {
        var now = DateTimeOffset.UtcNow;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", "http://127.0.0.1");
            json.WriteString("sub", Guid.NewGuid());
            json.WriteString("sid", Guid.NewGuid());
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", now.AddMinutes(15).ToUnixTimeSeconds());
            json.WriteString("email", "bench@bench.test");
            json.WriteString("role", "user");
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed record TokenResponse(string access_token, int expires_in);
}
