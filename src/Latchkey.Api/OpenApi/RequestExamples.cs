using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Latchkey.Api.OpenApi;

/// <summary>
/// An example request body built from the request contract itself: each member gets a realistic value chosen by
/// its name (emails, a strong password, client ids, redirect URLs...) and type, so every operation with a body has
/// an example without a hand-written one per route that would drift from the contract.
/// </summary>
internal static class RequestExamples
{
    public const string Password = "velvet-Harbor-92-quiet-Lantern";

    /// <summary>Values by (lower-cased) member name fragment, first match wins.</summary>
    private static readonly (string Fragment, JsonNode Value)[] Strings =
    [
        ("newpassword", "Copper-Meadow-57-silent-Falcon"), ("new_password", "Copper-Meadow-57-silent-Falcon"),
        ("password", Password), ("emailfrom", "Acme <no-reply@example.com>"), ("newemail", "ada.lovelace@example.org"), ("email", "ada@example.com"),
        ("phone", "+447700900123"), ("code_verifier", "dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk"),
        ("user_code", "WDJB-MJHT"), ("code", "482913"), ("idtoken", "eyJhbGciOiJSUzI1NiIsImtpZCI6ImdvLTIwMjYifQ.eyJzdWIiOiIxMDk4In0.c2ln"),
        ("id_token", "eyJhbGciOiJSUzI1NiIsImtpZCI6ImdvLTIwMjYifQ.eyJzdWIiOiIxMDk4In0.c2ln"), ("nonce", "n-0S6_WzA2Mj"),
        ("refreshtoken", "rt_5mK2pQ9vXw7LzR3tYc8bNf"), ("refresh_token", "rt_5mK2pQ9vXw7LzR3tYc8bNf"),
        ("ticket", "verifyEmail:3f2b9c1e-6d4a-4b8e-9f0a-2c7d5e1b8a64"), ("token", "kV7pQ2mZ9sLr4TnX8bWc1yHd"),
        ("logo", "https://app.example.com/logo.svg"), ("redirect", "https://app.example.com/auth/callback"), ("uri", "https://app.example.com/auth/callback"),
        ("url", "https://app.example.com"), ("clientid", "acme-dashboard"), ("client_id", "acme-dashboard"),
        ("client_name", "Acme Dashboard"), ("provider", "github"), ("method", "totp"), ("firstname", "Ada"),
        ("lastname", "Lovelace"), ("displayname", "Ada Lovelace"), ("locale", "en"), ("scope", "openid profile email"),
        ("permission", "users:read"), ("role", "user"), ("audience", "https://api.example.com"),
        ("identifier", "https://api.example.com"), ("description", "Support staff who can look up accounts"),
        ("productname", "Acme Identity"), ("credentialid", "AX3f9bq2LkVZ0pWm7Qe1Rg"), ("challenge", "Q2hhbGxlbmdlLTIwMjYtMTItMDI"), ("username", "ada"),
        ("name", "Ada Lovelace"), ("reason", "Reported as compromised"), ("accent", "#3b5bdb"), ("from", "Latchkey <no-reply@example.com>"),
    ];

    public static JsonNode? For(Type type) => Value(type, "", depth: 0);

    private static JsonNode? Value(Type type, string name, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var lower = name.ToLowerInvariant();
        if (type == typeof(string)) return Strings.FirstOrDefault(s => lower.Contains(s.Fragment, StringComparison.Ordinal)).Value?.DeepClone() ?? "example";
        if (type == typeof(bool)) return !lower.Contains("signout", StringComparison.Ordinal);
        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
            return lower.Contains("seconds", StringComparison.Ordinal) || lower.Contains("lifetime", StringComparison.Ordinal) ? 3600
                : lower.Contains("length", StringComparison.Ordinal) ? 12 : lower.Contains("threshold", StringComparison.Ordinal) ? 5 : 1;
        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float)) return 1;
        if (type == typeof(Guid)) return "3f2b9c1e-6d4a-4b8e-9f0a-2c7d5e1b8a64";
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return "2026-12-02T10:00:00Z";
        if (type.IsEnum) return JsonValue.Create(Enum.GetNames(type)[0]);
        if (type == typeof(JsonElement) || type == typeof(JsonNode) || type == typeof(JsonObject) || type == typeof(object)) return new JsonObject();
        if (type.IsAssignableTo(typeof(IDictionary))) return new JsonObject();
        if (type.IsAssignableTo(typeof(IEnumerable)))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? typeof(string);
            return new JsonArray(Value(element, name, depth + 1));
        }
        if (depth > 3) return new JsonObject();

        var result = new JsonObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always }) continue;
            var json = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            result[json] = Value(property.PropertyType, property.Name, depth + 1);
        }
        return result;
    }
}
