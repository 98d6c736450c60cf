using System.Text.Json;

namespace Latchkey.Api.Tests.Robustness.Fuzz;

/// <summary>
/// Reads the server's own OpenAPI documents (/openapi/{name}.json) into operations with their parameters and
/// body schemas, <c>$ref</c>s resolved, so the fuzzer covers exactly what the reference says exists.
/// </summary>
public static class ApiOperations
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public static async Task<IReadOnlyList<ApiOperation>> ReadAsync(HttpClient client, IEnumerable<string> documents)
    {
        var operations = new List<ApiOperation>();
        foreach (var name in documents)
        {
            var json = await client.GetStringAsync($"/openapi/{name}.json");
            var root = JsonDocument.Parse(json).RootElement.Clone();
            var refs = new SchemaRefs(root);
            foreach (var path in root.GetProperty("paths").EnumerateObject())
            {
                var shared = Parameters(path.Value, refs);
                foreach (var method in Methods)
                {
                    if (!path.Value.TryGetProperty(method, out var op)) continue;
                    var (kind, schema) = RequestBody(op, refs);
                    operations.Add(new ApiOperation(name, method.ToUpperInvariant(), path.Name,
                        [.. shared, .. Parameters(op, refs)], kind, schema, refs));
                }
            }
        }
        return operations;
    }

    private static IEnumerable<ApiParameter> Parameters(JsonElement owner, SchemaRefs refs)
    {
        if (!owner.TryGetProperty("parameters", out var list)) yield break;
        foreach (var raw in list.EnumerateArray())
        {
            var p = refs.Resolve(raw);
            var schema = p.TryGetProperty("schema", out var s) ? refs.Resolve(s) : default;
            yield return new ApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                p.TryGetProperty("required", out var r) && r.GetBoolean(), schema);
        }
    }

    private static (BodyKind, JsonElement?) RequestBody(JsonElement op, SchemaRefs refs)
    {
        if (!op.TryGetProperty("requestBody", out var body) || !refs.Resolve(body).TryGetProperty("content", out var content))
            return (BodyKind.None, null);
        foreach (var media in content.EnumerateObject())
        {
            var schema = media.Value.TryGetProperty("schema", out var s) ? refs.Resolve(s) : (JsonElement?)null;
            if (media.Name.Contains("json", StringComparison.Ordinal)) return (BodyKind.Json, schema);
            if (media.Name.Contains("form", StringComparison.Ordinal)) return (BodyKind.Form, schema);
        }
        return (BodyKind.None, null);
    }
}

/// <summary>Follows local <c>#/components/...</c> references of one document.</summary>
public sealed class SchemaRefs(JsonElement root)
{
    public JsonElement Root => root;

    public JsonElement Resolve(JsonElement element)
    {
        for (var hops = 0; hops < 16 && element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var target); hops++)
        {
            var node = root;
            foreach (var part in target.GetString()!.TrimStart('#', '/').Split('/'))
                if (!node.TryGetProperty(part.Replace("~1", "/").Replace("~0", "~"), out node)) return default;
            element = node;
        }
        return element;
    }
}
