using System.Text.Json;
using System.Text.RegularExpressions;

namespace Latchkey.Api.Tests.Nhost;

/// <summary>
/// Checks a JSON value against an OpenAPI 3.0 schema of the Nhost spec: the subset its components use
/// ($ref, type, nullable, enum, properties, required, additionalProperties, items, pattern, min/maxLength,
/// date-time and uuid-like formats). Returns every violation with its JSON path.
/// </summary>
public sealed class SpecSchemaValidator(NhostSpec spec, IReadOnlySet<string> patternDepartures)
{
    public List<string> Validate(JsonElement value, JsonElement schema, string path = "$", string? schemaName = null)
    {
        var errors = new List<string>();
        Check(value, schema, path, schemaName, errors);
        return errors;
    }

    private void Check(JsonElement value, JsonElement schema, string path, string? schemaName, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            Check(value, spec.Resolve(reference.GetString()!), path, name, errors);
            return;
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!(schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean())) errors.Add($"{path}: null is not allowed");
            return;
        }
        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
            errors.Add($"{path}: {value.GetRawText()} is not one of the spec's values");
        if (!schema.TryGetProperty("type", out var type)) return;
        switch (type.GetString())
        {
            case "object": CheckObject(value, schema, path, schemaName, errors); break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array) { errors.Add($"{path}: expected an array"); break; }
                var i = 0;
                foreach (var item in value.EnumerateArray()) Check(item, schema.GetProperty("items"), $"{path}[{i++}]", null, errors);
                break;
            case "string": CheckString(value, schema, path, schemaName, errors); break;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _)) errors.Add($"{path}: expected an integer");
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) errors.Add($"{path}: expected a boolean");
                break;
        }
    }

    private void CheckObject(JsonElement value, JsonElement schema, string path, string? schemaName, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected an object"); return; }
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        if (schema.TryGetProperty("required", out var required))
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: required property '{name}' is missing");
        var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                Check(property.Value, propertySchema, $"{path}.{property.Name}", schemaName is null ? null : $"{schemaName}.{property.Name}", errors);
            else if (closed)
                errors.Add($"{path}: property '{property.Name}' is not in the spec");
        }
    }

    private void CheckString(JsonElement value, JsonElement schema, string path, string? location, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.String) { errors.Add($"{path}: expected a string"); return; }
        var text = value.GetString()!;
        if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32()) errors.Add($"{path}: shorter than {min}");
        if (schema.TryGetProperty("maxLength", out var max) && text.Length > max.GetInt32()) errors.Add($"{path}: longer than {max}");
        if (schema.TryGetProperty("pattern", out var pattern) && !(location is not null && patternDepartures.Contains(location))
            && !Regex.IsMatch(text, pattern.GetString()!))
            errors.Add($"{path}: '{text}' does not match {pattern.GetString()}");
        if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time" && !DateTimeOffset.TryParse(text, out _))
            errors.Add($"{path}: '{text}' is not a date-time");
    }
}
