using System.Text.Json;
using System.Text.Json.Nodes;
using Latchkey.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Core.Scim;

/// <summary>The outcome of one bulk operation: its location and version on success (status 200, 201 or 204), else the error.</summary>
public sealed record ScimBulkResult(int Index, string Method, string? BulkId, string? Location, string? Version, int Status, AuthError? Error);

/// <summary>
/// Runs a checked bulk request (RFC 7644 §3.7) through the same services as the single-resource endpoints. Each
/// operation is its own unit of work in its own scope, as if it were a request of its own: a failed operation
/// leaves nothing tracked behind for the next, its activity rows and webhook events commit with its change, and
/// the operations before it stay done (bulk is not a transaction). After <c>failOnErrors</c> errors the rest are
/// not run and not answered.
/// </summary>
public sealed class ScimBulkProcessor(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<ScimBulkResult>> RunAsync(ScimBulkRequest request, ScimActor actor, string baseUrl, CancellationToken ct)
    {
        var (order, circular) = ScimBulkOrder.Of(request.Operations);
        var results = new List<ScimBulkResult>(request.Operations.Count);
        foreach (var op in request.Operations.Where(o => circular.Contains(o.Index)))
            results.Add(Failed(op, new AuthError(AuthErrorCodes.Conflict, "The operation is part of a circular chain of bulkId references")));
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var op in order)
        {
            if (request.FailOnErrors is { } limit && results.Count(r => r.Error is not null) >= limit) break;
            var result = await RunAsync(op, created, actor, baseUrl, ct);
            results.Add(result.Outcome);
            if (result.CreatedId is { } id) created[op.BulkId!] = id;
        }
        return [.. results.OrderBy(r => r.Index)];
    }

    private async Task<(ScimBulkResult Outcome, string? CreatedId)> RunAsync(ScimBulkOperation op, Dictionary<string, string> created,
        ScimActor actor, string baseUrl, CancellationToken ct)
    {
        if (op.References.FirstOrDefault(r => !created.ContainsKey(r)) is { } missing)
            return (Failed(op, ScimErrors.InvalidValue($"bulkId '{missing}' names a resource that was not created: its operation failed")), null);
        var id = Resolve(op.Path.Id, created);
        var data = op.Data is null ? null : (JsonObject)ScimJson.Clone(op.Data)!;
        Substitute(data, created);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (op.Method == "POST")
        {
            var resource = op.Path.IsGroup
                ? await services.GetRequiredService<ScimGroupService>().CreateAsync(data!, actor, baseUrl, ct)
                : await services.GetRequiredService<ScimUserService>().CreateAsync(data!, actor, baseUrl, ct);
            return resource.IsSuccess ? (Done(op, resource.Value, 201), resource.Value["id"]!.GetValue<string>()) : (Failed(op, resource.Error), null);
        }
        if (!Guid.TryParse(id, out var resourceId)) return (Failed(op, ScimErrors.NotFound(op.Path.IsGroup ? "Group" : "User")), null);
        if (op.Method == "DELETE")
        {
            var deleted = op.Path.IsGroup
                ? await services.GetRequiredService<ScimGroupService>().DeleteAsync(resourceId, op.Version, actor, ct)
                : await services.GetRequiredService<ScimUserService>().DeleteAsync(resourceId, op.Version, actor, ct);
            var location = $"{baseUrl}{(op.Path with { Id = resourceId.ToString() }).Text}";
            return (deleted.IsSuccess ? new ScimBulkResult(op.Index, op.Method, op.BulkId, location, null, 204, null) : Failed(op, deleted.Error), null);
        }
        Result<JsonObject> changed;
        if (op.Path.IsGroup)
        {
            var groups = services.GetRequiredService<ScimGroupService>();
            changed = op.Method == "PUT" ? await groups.ReplaceAsync(resourceId, data!, op.Version, actor, baseUrl, ct)
                : await groups.PatchAsync(resourceId, data!, op.Version, actor, baseUrl, ct);
        }
        else
        {
            var users = services.GetRequiredService<ScimUserService>();
            changed = op.Method == "PUT" ? await users.ReplaceAsync(resourceId, data!, op.Version, actor, baseUrl, ct)
                : await users.PatchAsync(resourceId, data!, op.Version, actor, baseUrl, ct);
        }
        return (changed.IsSuccess ? Done(op, changed.Value, 200) : Failed(op, changed.Error), null);
    }

    private static string? Resolve(string? value, Dictionary<string, string> created) =>
        value is not null && value.StartsWith(ScimBulkRequest.BulkIdPrefix, StringComparison.Ordinal)
            ? created[value[ScimBulkRequest.BulkIdPrefix.Length..]]
            : value;

    /// <summary>Replaces, in place, every <c>bulkId:…</c> string value by the id of the resource its POST created.</summary>
    private static void Substitute(JsonNode? node, Dictionary<string, string> created)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    if (Replacement(o[name], created) is { } id) o[name] = id;
                    else Substitute(o[name], created);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (Replacement(a[i], created) is { } id) a[i] = id;
                    else Substitute(a[i], created);
                }
                break;
        }
    }

    private static JsonValue? Replacement(JsonNode? node, Dictionary<string, string> created) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is var text
        && text.StartsWith(ScimBulkRequest.BulkIdPrefix, StringComparison.Ordinal)
            ? JsonValue.Create(Resolve(text, created))
            : null;

    private static ScimBulkResult Done(ScimBulkOperation op, JsonObject resource, int status)
    {
        var meta = resource["meta"] as JsonObject;
        return new ScimBulkResult(op.Index, op.Method, op.BulkId, meta?["location"]?.GetValue<string>(), meta?["version"]?.GetValue<string>(), status, null);
    }

    private static ScimBulkResult Failed(ScimBulkOperation op, AuthError error) =>
        new(op.Index, op.Method, op.BulkId, null, null, 0, error);
}
