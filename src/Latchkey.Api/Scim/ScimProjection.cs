using System.Text.Json.Nodes;
using Latchkey.Core.Scim;

namespace Latchkey.Api.Scim;

/// <summary>
/// <c>attributes</c> and <c>excludedAttributes</c> (RFC 7644 §3.4.2.5): comma-separated attribute paths, with a
/// sub-attribute or an extension URN prefix. <c>id</c> and <c>schemas</c> are always returned.
/// </summary>
internal static class ScimProjection
{
    private static readonly string[] Always = ["id", "schemas"];

    public static JsonObject Apply(JsonObject resource, string? attributes, string? excluded)
    {
        if (!string.IsNullOrWhiteSpace(attributes)) return Keep(resource, Paths(attributes));
        if (!string.IsNullOrWhiteSpace(excluded)) Drop(resource, Paths(excluded));
        return resource;
    }

    private static List<(string? Extension, string Name, string? Sub)> Paths(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Split).ToList();

    /// <summary><c>[urn:...:]name[.sub]</c>; a bare extension URN selects the whole extension.</summary>
    private static (string? Extension, string Name, string? Sub) Split(string path)
    {
        string? extension = null;
        if (path.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            if (ScimSchemas.Is(path, ScimSchemas.EnterpriseUser)) return (null, ScimSchemas.EnterpriseUser, null);
            var colon = path.LastIndexOf(':');
            var schema = path[..colon];
            extension = ScimSchemas.Is(schema, ScimSchemas.User) || ScimSchemas.Is(schema, ScimSchemas.Group) ? null : schema;
            path = path[(colon + 1)..];
        }
        var dot = path.IndexOf('.');
        return dot < 0 ? (extension, path, null) : (extension, path[..dot], path[(dot + 1)..]);
    }

    private static JsonObject Keep(JsonObject resource, List<(string? Extension, string Name, string? Sub)> paths)
    {
        var kept = ScimJson.Object();
        foreach (var name in Always) kept.Put(name, ScimJson.Clone(resource[name]));
        foreach (var (extension, name, sub) in paths)
        {
            var source = extension is null ? resource : resource[extension] as JsonObject;
            var target = extension is null ? kept : (kept[extension] as JsonObject ?? (JsonObject)(kept[extension] = ScimJson.Object()));
            if (source?[name] is not { } value) continue;
            if (sub is null) target[name] = ScimJson.Clone(value);
            else if (value is JsonObject obj) Merge(target, name, obj, sub);
            else if (value is JsonArray array) MergeEach(target, name, array, sub);
        }
        return kept;
    }

    private static void Merge(JsonObject target, string name, JsonObject source, string sub)
    {
        if (source[sub] is not { } value) return;
        var into = target[name] as JsonObject ?? (JsonObject)(target[name] = ScimJson.Object());
        into[sub] = ScimJson.Clone(value);
    }

    private static void MergeEach(JsonObject target, string name, JsonArray source, string sub)
    {
        var existing = target[name] as JsonArray;
        var result = new JsonArray();
        for (var i = 0; i < source.Count; i++)
        {
            var element = existing?[i] as JsonObject ?? ScimJson.Object();
            if ((source[i] as JsonObject)?[sub] is { } value) element[sub] = ScimJson.Clone(value);
            result.Add(ScimJson.Clone(element));
        }
        target[name] = result;
    }

    private static void Drop(JsonObject resource, List<(string? Extension, string Name, string? Sub)> paths)
    {
        foreach (var (extension, name, sub) in paths)
        {
            if (extension is null && Always.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            var source = extension is null ? resource : resource[extension] as JsonObject;
            if (source is null) continue;
            if (sub is null) source.Remove(name);
            else if (source[name] is JsonObject obj) obj.Remove(sub);
            else if (source[name] is JsonArray array) foreach (var element in array.OfType<JsonObject>()) element.Remove(sub);
        }
    }
}
