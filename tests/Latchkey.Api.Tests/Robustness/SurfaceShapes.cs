using System.Text.Json;
using Xunit;

namespace Latchkey.Api.Tests.Robustness;

/// <summary>The error body each surface must answer with (docs/surfaces.md), checked from the path alone.</summary>
public static class SurfaceShapes
{
    public static string SurfaceOf(string path) => path switch
    {
        _ when Under(path, "/api/oauth") || Under(path, "/.well-known") => "oauth",
        _ when Under(path, "/api/v1/auth") => "simple",
        _ when Under(path, "/api") => "platform",
        _ when new[] { "/v1/auth", "/v1/users", "/v1/sessions", "/v1/licenses", "/v1/admin" }.Any(p => Under(path, p)) => "nube",
        _ when Under(path, "/v1") => "nhost",
        _ => "plain",
    };

    /// <summary>Asserts <paramref name="body"/> is an error of the surface owning <paramref name="path"/>, with <paramref name="status"/>.</summary>
    public static void AssertShape(string path, int status, string body)
    {
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"{path}: {status} body is not JSON: {Truncate(body)}");
        }
        var surface = SurfaceOf(path);
        var ok = surface switch
        {
            "oauth" => IsString(json, "error") && IsString(json, "error_description"),
            "simple" => IsString(json, "error") && json.EnumerateObject().Count() == 1,
            "platform" => json.TryGetProperty("success", out var s) && s.ValueKind == JsonValueKind.False && IsString(json, "error") && IsString(json, "code"),
            "nhost" => json.TryGetProperty("status", out var n) && n.ValueKind == JsonValueKind.Number && n.GetInt32() == status
                       && IsString(json, "message") && IsString(json, "error"),
            "nube" => json.TryGetProperty("error", out var e) && IsString(e, "code") && IsString(e, "message")
                      && json.TryGetProperty("meta", out var meta) && IsString(meta, "requestId"),
            _ => IsString(json, "error") && IsString(json, "message"),
        };
        Assert.True(ok, $"{path}: {status} is not in the {surface} error shape: {Truncate(body)}");
    }

    private static bool Under(string path, string prefix) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);

    private static bool IsString(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String;

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
