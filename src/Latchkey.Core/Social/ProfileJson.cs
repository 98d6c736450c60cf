using System.Text.Json;

namespace Latchkey.Core.Social;

/// <summary>Tolerant readers for providers' profile JSON: ids come as numbers or strings, booleans sometimes as "true".</summary>
internal static class ProfileJson
{
    public static string? Str(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind == JsonValueKind.Array) current = current.GetArrayLength() > 0 ? current[0] : default;
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current)) return null;
        }
        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => current.GetRawText(),
            _ => null,
        };
    }

    public static bool Bool(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };

    /// <summary>OpenID Connect standard claims (id token, user-info, GitLab, LinkedIn).</summary>
    public static UpstreamProfile StandardClaims(JsonElement c) => new(
        c.Str("sub") ?? throw new UpstreamProfileException("The profile has no subject."),
        c.Str("email"), c.Bool("email_verified"),
        c.Str("given_name"), c.Str("family_name"), c.Str("name"), c.Str("picture"));

    public static string Required(this JsonElement element, params string[] path) =>
        element.Str(path) ?? throw new UpstreamProfileException($"The profile has no '{string.Join('.', path)}'.");

    /// <summary>The primary verified address from a list of address objects (GitHub, Bitbucket).</summary>
    public static (string? Email, bool Verified) PrimaryEmail(JsonElement list, string email, string primary, string verified)
    {
        if (list.ValueKind != JsonValueKind.Array) return (null, false);
        foreach (var item in list.EnumerateArray())
            if (item.Bool(primary)) return (item.Str(email), item.Bool(verified));
        return (null, false);
    }
}

/// <summary>The provider answered with a profile we cannot use; reported as an upstream error, never a 500.</summary>
public sealed class UpstreamProfileException(string message) : Exception(message);
