using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Latchkey.Core.Common;
using Latchkey.Core.Scim;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Scim;

/// <summary>A <c>POST …/.search</c> body (RFC 7644 §3.4.3): the list parameters as a SearchRequest document.</summary>
internal sealed record ScimSearch(ScimListRequest Request, string? Attributes, string? ExcludedAttributes)
{
    public static async Task<Result<ScimSearch>> ReadAsync(HttpRequest http)
    {
        var (body, error) = await ScimHttp.ReadObjectAsync(http);
        if (body is null) return error!;
        if (!ScimPatch.ListsSchema(body, ScimSchemas.SearchRequest)) return ScimErrors.InvalidSyntax($"A search body lists the schema {ScimSchemas.SearchRequest}");
        try
        {
            var request = ScimHttp.ListRequest(ScimJson.String(body, "filter"), ScimJson.String(body, "sortBy"), ScimJson.String(body, "sortOrder"),
                Integer(body["startIndex"], "startIndex"), Integer(body["count"], "count"));
            if (!request.IsSuccess) return request.Error;
            return new ScimSearch(request.Value, List(body["attributes"], "attributes"), List(body["excludedAttributes"], "excludedAttributes"));
        }
        catch (ScimInputException ex)
        {
            return ex.Error;
        }
    }

    private static string? Integer(JsonNode? node, string name) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) => i.ToString(CultureInfo.InvariantCulture),
        _ => throw new ScimInputException(ScimErrors.InvalidValue($"{name} must be an integer")),
    };

    private static string? List(JsonNode? node, string name) => node is null ? null
        : string.Join(',', (ScimJson.ArrayOf(node, name) ?? []).Select(n => ScimJson.String(n, name)));
}
