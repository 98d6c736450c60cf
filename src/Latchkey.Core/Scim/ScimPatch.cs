using System.Text.Json;
using System.Text.Json.Nodes;
using Latchkey.Core.Common;

namespace Latchkey.Core.Scim;

/// <summary>
/// Applies a PatchOp request (RFC 7644 §3.5.2) to a resource's document, which the caller then stores as a full
/// replacement, so PATCH and PUT share one validation. Accepts what Okta and Entra ID send: capitalised op names,
/// path-less replace objects (with dotted or URN-qualified keys), and member removal by value list or value filter.
/// All operations apply or none does.
/// </summary>
public sealed class ScimPatch(string coreSchema, IReadOnlySet<string> extensionSchemas, IReadOnlySet<string> readOnly)
{
    public const int MaxOperations = 1000;

    /// <summary>The patched copy of <paramref name="resource"/>, or the first operation's error.</summary>
    public Result<JsonObject> Apply(JsonObject resource, JsonObject request)
    {
        if (!ListsSchema(request, ScimSchemas.PatchOp)) return ScimErrors.InvalidSyntax($"A PATCH body lists the schema {ScimSchemas.PatchOp}");
        if (request["Operations"] is not JsonArray { Count: > 0 } operations) return ScimErrors.InvalidSyntax("Operations must be a non-empty array");
        if (operations.Count > MaxOperations) return ScimErrors.TooMany($"At most {MaxOperations} operations per request");
        var doc = (JsonObject)ScimJson.Clone(resource)!;
        try
        {
            foreach (var node in operations) ApplyOne(doc, node as JsonObject ?? throw Syntax("Each operation must be an object"));
        }
        catch (ScimInputException ex)
        {
            return ex.Error;
        }
        return doc;
    }

    private void ApplyOne(JsonObject doc, JsonObject operation)
    {
        var op = (ScimJson.String(operation, "op") ?? throw Syntax("Each operation needs an op")).ToLowerInvariant();
        if (op is not ("add" or "replace" or "remove")) throw Syntax($"Unknown op '{op}': use add, replace or remove");
        var path = ScimJson.String(operation, "path");
        var value = operation["value"];
        if (path is null)
        {
            if (op == "remove") throw new ScimInputException(ScimErrors.NoTarget("A remove operation needs a path"));
            foreach (var (key, item) in ScimJson.ObjectOf(value, "value") ?? throw Syntax("Without a path, value must be an object"))
                ApplyKey(doc, op, key, item);
            return;
        }
        if (op != "remove" && value is null) throw Syntax($"An {op} operation needs a value");
        var parsed = ScimFilterParser.ParsePath(path);
        if (!parsed.IsSuccess) throw new ScimInputException(parsed.Error);
        ApplyPath(doc, op, parsed.Value, value, explicitPath: true);
    }

    /// <summary>One member of a path-less value: an attribute, an extension's object, or a dotted/URN path.</summary>
    private void ApplyKey(JsonObject doc, string op, string key, JsonNode? value)
    {
        if (key.Equals("schemas", StringComparison.OrdinalIgnoreCase)) return;
        if (extensionSchemas.Contains(key) && value is JsonObject extension)
        {
            foreach (var (sub, item) in extension) ApplyKey(doc, op, key + ":" + sub, item);
            return;
        }
        var parsed = ScimFilterParser.ParsePath(key);
        if (!parsed.IsSuccess) throw new ScimInputException(parsed.Error);
        ApplyPath(doc, op, parsed.Value, value, explicitPath: false);
    }

    private void ApplyPath(JsonObject doc, string op, ScimPatchPath path, JsonNode? value, bool explicitPath)
    {
        var attr = path.Attribute;
        var name = attr.Name;
        if (readOnly.Contains(name) && (attr.Schema is null || ScimSchemas.Is(attr.Schema, coreSchema)))
        {
            // A path-less body repeating what the resource already says (Okta sends whole objects) changes nothing.
            if (!explicitPath && JsonNode.DeepEquals(doc[name], value)) return;
            throw new ScimInputException(ScimErrors.Mutability($"'{name}' is read-only"));
        }
        var container = Container(doc, attr.Schema, create: op != "remove");
        if (container is null) return;
        if (path.ValueFilter is not null)
        {
            ApplyFiltered(container, op, name, path.ValueFilter, path.SubAttr, value);
            return;
        }
        if (attr.SubAttr is { } sub)
        {
            ApplySub(container, op, name, sub, value);
            return;
        }
        switch (op)
        {
            case "remove" when value is JsonArray listed && container[name] is JsonArray existing:
                RemoveListed(existing, listed);
                break;
            case "remove":
                container.Remove(name);
                break;
            case "add" when container[name] is JsonArray existing:
                Append(existing, value);
                break;
            case "add" or "replace" when container[name] is JsonObject existing && value is JsonObject merge:
                foreach (var (k, v) in merge) existing[k] = ScimJson.Clone(v);
                break;
            default:
                container[name] = ScimJson.Clone(value);
                break;
        }
    }

    private JsonObject? Container(JsonObject doc, string? schema, bool create)
    {
        if (schema is null || ScimSchemas.Is(schema, coreSchema)) return doc;
        var urn = extensionSchemas.FirstOrDefault(s => ScimSchemas.Is(s, schema))
            ?? throw new ScimInputException(ScimErrors.InvalidPath($"Unknown schema '{schema}'"));
        if (doc[urn] is JsonObject existing) return existing;
        if (!create) return null;
        var created = ScimJson.Object();
        doc[urn] = created;
        return created;
    }

    private static void ApplySub(JsonObject container, string op, string name, string sub, JsonNode? value)
    {
        var targets = container[name] switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject obj => [obj],
            null when op != "remove" => [(JsonObject)(container[name] = ScimJson.Object())],
            _ => [],
        };
        foreach (var target in targets)
        {
            if (op == "remove") target.Remove(sub);
            else target[sub] = ScimJson.Clone(value);
        }
    }

    private static void ApplyFiltered(JsonObject container, string op, string name, ScimFilter filter, string? sub, JsonNode? value)
    {
        var array = container[name] as JsonArray;
        var matches = array?.Where(e => ScimElementMatcher.Matches(e, filter)).ToList() ?? [];
        if (matches.Count == 0)
        {
            if (op == "remove") return; // removing what is not there leaves the same state: idempotent for retrying clients
            // Entra ID adds "emails[type eq \"work\"].value" to a user without one: create the element the filter names.
            var element = ScimElementMatcher.Template(filter)
                ?? throw new ScimInputException(ScimErrors.NoTarget($"No value of '{name}' matches the filter"));
            if (array is null) container[name] = array = [];
            array.Add(element);
            matches = [element];
        }
        foreach (var match in matches)
        {
            if (op == "remove" && sub is null) array!.Remove(match);
            else if (match is not JsonObject obj) throw new ScimInputException(ScimErrors.InvalidPath($"'{name}' values have no sub-attributes"));
            else if (sub is not null && op == "remove") obj.Remove(sub);
            else if (sub is not null) obj[sub] = ScimJson.Clone(value);
            else if (value is JsonObject merge) foreach (var (k, v) in merge) obj[k] = ScimJson.Clone(v);
            else throw Syntax($"The value for '{name}[...]' must be an object");
        }
    }

    /// <summary>Adds values to a multi-valued attribute, skipping ones already present (same "value").</summary>
    private static void Append(JsonArray existing, JsonNode? value)
    {
        foreach (var item in value is JsonArray many ? many.ToList() : [value])
        {
            var key = ValueOf(item);
            if (key is not null && existing.Any(e => string.Equals(ValueOf(e), key, StringComparison.OrdinalIgnoreCase))) continue;
            existing.Add(ScimJson.Clone(item));
        }
    }

    private static void RemoveListed(JsonArray existing, JsonArray listed)
    {
        var keys = listed.Select(ValueOf).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var element in existing.Where(e => ValueOf(e) is { } v && keys.Contains(v)).ToList()) existing.Remove(element);
    }

    private static string? ValueOf(JsonNode? node) => node switch
    {
        JsonObject o when o["value"] is JsonValue v => v.ToString(),
        JsonValue v => v.ToString(),
        _ => null,
    };

    public static bool ListsSchema(JsonObject body, string urn) =>
        body["schemas"] is JsonArray schemas
        && schemas.Any(s => s is JsonValue v && v.GetValueKind() == JsonValueKind.String && ScimSchemas.Is(v.GetValue<string>(), urn));

    private static ScimInputException Syntax(string message) => new(ScimErrors.InvalidSyntax(message));
}
