using System.Text.Json;
using System.Text.Json.Nodes;

namespace Latchkey.Core.Scim;

/// <summary>
/// SCIM attribute names are case-insensitive (RFC 7643 §2.1): every object the SCIM code builds or reads is a
/// case-insensitive <see cref="JsonObject"/>, and values are read with the leniency real clients need
/// (Entra ID sends booleans as "True"/"False").
/// </summary>
public static class ScimJson
{
    public static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    public static JsonObject Object() => new(NodeOptions);

    /// <summary>A deep copy whose objects all compare names case-insensitively.</summary>
    public static JsonNode? Clone(JsonNode? node) => node is null ? null : JsonNode.Parse(node.ToJsonString(), NodeOptions);

    /// <summary>Sets <paramref name="name"/> unless the value is null (SCIM omits unassigned attributes).</summary>
    public static void Put(this JsonObject target, string name, JsonNode? value)
    {
        if (value is not null) target[name] = value;
    }

    public static void Put(this JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) target[name] = value;
    }

    /// <summary>A string attribute, null when absent or null; an error for any other kind.</summary>
    public static string? String(JsonObject source, string name) => String(source[name], name);

    public static string? String(JsonNode? node, string name) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw new ScimInputException(ScimErrors.InvalidValue($"'{name}' must be a string")),
    };

    /// <summary>A boolean attribute: true/false, or the strings "true"/"false" in any case.</summary>
    public static bool? Boolean(JsonNode? node, string name)
    {
        if (node is null) return null;
        if (node is JsonValue v)
        {
            var kind = v.GetValueKind();
            if (kind is JsonValueKind.True or JsonValueKind.False) return kind == JsonValueKind.True;
            if (kind == JsonValueKind.String && bool.TryParse(v.GetValue<string>().Trim(), out var parsed)) return parsed;
        }
        throw new ScimInputException(ScimErrors.InvalidValue($"'{name}' must be true or false"));
    }

    public static JsonObject? ObjectOf(JsonNode? node, string name) => node switch
    {
        null => null,
        JsonObject o => o,
        _ => throw new ScimInputException(ScimErrors.InvalidValue($"'{name}' must be an object")),
    };

    public static JsonArray? ArrayOf(JsonNode? node, string name) => node switch
    {
        null => null,
        JsonArray a => a,
        _ => throw new ScimInputException(ScimErrors.InvalidValue($"'{name}' must be an array")),
    };
}

/// <summary>Thrown while reading a request document, caught at the service boundary and returned as its error.</summary>
public sealed class ScimInputException(Common.AuthError error) : Exception(error.Message)
{
    public Common.AuthError Error { get; } = error;
}
