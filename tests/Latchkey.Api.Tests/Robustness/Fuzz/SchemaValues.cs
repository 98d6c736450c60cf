using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Latchkey.Api.Tests.Robustness.Fuzz;

/// <summary>
/// Values shaped by a JSON schema, mostly well-formed so requests reach the handlers' own rules, often hostile
/// (a wrong type, a hostile string, a missing required field, an unknown one) so those rules are tested.
/// </summary>
public static class SchemaValues
{
    private static readonly Gen<JsonNode?> Hostile = HostileValues.Value();

    public static Gen<JsonNode?> For(JsonElement schema, SchemaRefs refs, int depth = 0)
    {
        schema = refs.Resolve(schema);
        var plausible = Plausible(schema, refs, depth);
        return Gen.Frequency((3, plausible), (1, Hostile));
    }

    private static Gen<JsonNode?> Plausible(JsonElement schema, SchemaRefs refs, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 4) return Hostile;
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
            return Gen.OneOf(values.EnumerateArray().Select(v => JsonNode.Parse(v.GetRawText())).ToArray());
        foreach (var union in (string[])["oneOf", "anyOf", "allOf"])
            if (schema.TryGetProperty(union, out var options) && options.GetArrayLength() > 0)
                return Gen.OneOf(options.EnumerateArray().Select(o => For(o, refs, depth + 1)).ToArray());
        return TypeOf(schema) switch
        {
            "string" => Text(schema).Select(s => (JsonNode?)JsonValue.Create(s)),
            "integer" => Gen.Int[-5, 5000].Select(i => (JsonNode?)JsonValue.Create(i)),
            "number" => Gen.Double[-1e6, 1e6].Select(d => (JsonNode?)JsonValue.Create(d)),
            "boolean" => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            "array" => (schema.TryGetProperty("items", out var items) ? For(items, refs, depth + 1) : Hostile).Array[0, 4]
                .Select(a => (JsonNode?)new JsonArray(a.Select(n => n?.DeepClone()).ToArray())),
            _ => Object(schema, refs, depth),
        };
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return schema.TryGetProperty("properties", out _) ? "object" : null;
        if (type.ValueKind == JsonValueKind.String) return type.GetString();
        // OpenAPI 3.1 nullable types: ["string", "null"].
        return type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null");
    }

    private static Gen<string> Text(JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return format switch
        {
            "email" => Gen.Int[0, 1_000_000].Select(n => $"fuzz{n}@example.com"),
            "uuid" => Gen.Guid.Select(g => g.ToString()),
            "uri" or "url" => Gen.OneOf("https://app.example.com/cb", "http://localhost:3000/", "https://evil.test/", "not a url"),
            "date-time" => Gen.DateTime.Select(d => d.ToString("O")),
            "date" => Gen.DateOnly.Select(d => d.ToString("yyyy-MM-dd")),
            _ => Gen.Frequency((3, Gen.Char["abcdefghijklmnopqrstuvwxyzABC0123456789-_."].Array[1, 24].Select(c => new string(c))), (1, Gen.String[0, 40])),
        };
    }

    private static Gen<JsonNode?> Object(JsonElement schema, SchemaRefs refs, int depth)
    {
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
        var properties = schema.TryGetProperty("properties", out var p)
            ? p.EnumerateObject().Select(prop => (prop.Name, Value: For(prop.Value, refs, depth + 1), Keep: Gen.Int[0, 9].Select(n => n < (required.Contains(prop.Name) ? 9 : 5)))).ToArray()
            : [];
        var extra = Gen.Frequency((5, Gen.Const<(string, JsonNode?)?>(() => null)), (1, Gen.Select(HostileValues.String, Hostile, (k, v) => ((string, JsonNode?)?)(k, v))));
        var fields = properties.Select(prop => Gen.Select(prop.Keep, prop.Value, (keep, value) => keep ? (prop.Name, value) : ((string, JsonNode?)?)null)).ToArray();
        return Gen.Select(Sequence(fields), extra, (chosen, more) =>
        {
            var obj = new JsonObject();
            foreach (var field in chosen.Append(more))
                if (field is var (name, value)) obj[name] = value?.DeepClone();
            return (JsonNode?)obj;
        });
    }

    private static Gen<(string, JsonNode?)?[]> Sequence(Gen<(string, JsonNode?)?>[] gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<(string, JsonNode?)?>()), (all, next) => Gen.Select(all, next, (a, n) => a.Append(n).ToArray()));
}
