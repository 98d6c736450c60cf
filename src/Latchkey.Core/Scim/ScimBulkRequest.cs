using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Latchkey.Core.Common;

namespace Latchkey.Core.Scim;

/// <summary>The resource an operation's path names: <c>/Users</c>, <c>/Groups</c>, or one of them with an id (a UUID or <c>bulkId:…</c>).</summary>
public sealed record ScimBulkPath(bool IsGroup, string? Id)
{
    public string Text => (IsGroup ? "/Groups" : "/Users") + (Id is null ? "" : "/" + Id);
}

/// <summary>One checked operation of a bulk request; <see cref="References"/> are the bulkIds it names (in its path or data).</summary>
public sealed record ScimBulkOperation(int Index, string Method, ScimBulkPath Path, string? BulkId, string? Version, JsonObject? Data,
    IReadOnlyList<string> References);

/// <summary>
/// A <c>POST /Bulk</c> body (RFC 7644 §3.7), checked as a whole before anything runs: a malformed operation, a
/// duplicate bulkId or a reference to a bulkId no POST declares refuses the request and changes nothing.
/// </summary>
public sealed record ScimBulkRequest(IReadOnlyList<ScimBulkOperation> Operations, int? FailOnErrors)
{
    public const string BulkIdPrefix = "bulkId:";

    public static Result<ScimBulkRequest> Read(JsonObject body, int maxOperations)
    {
        if (!ScimPatch.ListsSchema(body, ScimSchemas.BulkRequest)) return ScimErrors.InvalidSyntax($"A bulk body lists the schema {ScimSchemas.BulkRequest}");
        if (body["Operations"] is not JsonArray { Count: > 0 } operations) return ScimErrors.InvalidSyntax("Operations must be a non-empty array");
        if (operations.Count > maxOperations)
            return new AuthError(AuthErrorCodes.PayloadTooLarge, $"The bulk request holds {operations.Count} operations; maxOperations is {maxOperations}");
        try
        {
            var failOnErrors = ReadFailOnErrors(body["failOnErrors"]);
            var read = operations.Select((node, i) => Operation(node, i)).ToList();
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var op in read.Where(o => o.BulkId is not null))
                if (!declared.Add(op.BulkId!)) throw Invalid(op.Index, $"bulkId '{op.BulkId}' is declared twice");
            foreach (var op in read)
                if (op.References.FirstOrDefault(r => !declared.Contains(r)) is { } unknown)
                    throw new ScimInputException(ScimErrors.InvalidValue($"Operations[{op.Index}] refers to bulkId '{unknown}', which no POST in this request declares"));
            return new ScimBulkRequest(read, failOnErrors);
        }
        catch (ScimInputException ex)
        {
            return ex.Error;
        }
    }

    private static int? ReadFailOnErrors(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= 1 => n,
        _ => throw new ScimInputException(ScimErrors.InvalidValue("failOnErrors must be an integer of at least 1")),
    };

    private static ScimBulkOperation Operation(JsonNode? node, int index)
    {
        if (node is not JsonObject op) throw Syntax(index, "an operation must be an object");
        var method = (Text(op, "method", index) ?? throw Syntax(index, "method is required")).ToUpperInvariant();
        if (method is not ("POST" or "PUT" or "PATCH" or "DELETE")) throw Syntax(index, "method must be POST, PUT, PATCH or DELETE");
        var path = Path(Text(op, "path", index) ?? throw Syntax(index, "path is required"), index);
        if ((method == "POST") != (path.Id is null))
            throw Syntax(index, method == "POST" ? "a POST path names a resource type (/Users or /Groups)" : $"a {method} path names one resource (/Users/{{id}})");
        var bulkId = Text(op, "bulkId", index);
        if (method == "POST" && string.IsNullOrEmpty(bulkId)) throw Syntax(index, "a POST needs a bulkId");
        var data = op["data"];
        if (method != "DELETE" && data is not JsonObject) throw Syntax(index, "data must be an object");
        var references = new List<string>();
        if (path.Id is { } id && id.StartsWith(BulkIdPrefix, StringComparison.Ordinal)) references.Add(id[BulkIdPrefix.Length..]);
        Collect(data, references);
        return new ScimBulkOperation(index, method, path, string.IsNullOrEmpty(bulkId) ? null : bulkId, Text(op, "version", index),
            method == "DELETE" ? null : (JsonObject)data!, references.Distinct(StringComparer.Ordinal).ToList());
    }

    private static ScimBulkPath Path(string text, int index)
    {
        var parts = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var isGroup = parts.Length > 0 && parts[0].Equals("Groups", StringComparison.OrdinalIgnoreCase);
        if (parts.Length is 0 or > 2 || !text.StartsWith('/') || !(isGroup || parts[0].Equals("Users", StringComparison.OrdinalIgnoreCase)))
            throw Syntax(index, $"path '{text}' is not /Users, /Groups, /Users/{{id}} or /Groups/{{id}}");
        return new ScimBulkPath(isGroup, parts.Length == 2 ? parts[1] : null);
    }

    /// <summary>Every string value of the form <c>bulkId:…</c>, at any depth (members, manager, PATCH values).</summary>
    private static void Collect(JsonNode? node, List<string> references)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o) Collect(value, references);
                break;
            case JsonArray a:
                foreach (var value in a) Collect(value, references);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { } s && s.StartsWith(BulkIdPrefix, StringComparison.Ordinal):
                references.Add(s[BulkIdPrefix.Length..]);
                break;
        }
    }

    private static string? Text(JsonObject op, string name, int index) => op[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw Syntax(index, $"{name} must be a string"),
    };

    private static ScimInputException Syntax(int index, string message) =>
        new(ScimErrors.InvalidSyntax(string.Create(CultureInfo.InvariantCulture, $"Operations[{index}]: {message}")));

    private static ScimInputException Invalid(int index, string message) =>
        new(ScimErrors.InvalidValue(string.Create(CultureInfo.InvariantCulture, $"Operations[{index}]: {message}")));
}
