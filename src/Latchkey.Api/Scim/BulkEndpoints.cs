using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Latchkey.Api.Common;
using Latchkey.Core.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Scim;

/// <summary>
/// <c>POST /Bulk</c> (RFC 7644 §3.7): the whole body is checked first (a malformed one changes nothing), then the
/// operations run one by one and the BulkResponse lists each one's status, location and version, or its SCIM error.
/// </summary>
internal static class BulkEndpoints
{
    public static void MapScimBulk(this RouteGroupBuilder scim)
    {
        // The body limit is maxPayloadSize rather than the 64 KiB of the other SCIM requests; a larger body is 413.
        var options = ((IEndpointRouteBuilder)scim).ServiceProvider.GetRequiredService<IOptions<ScimOptions>>().Value;
        scim.MapPost("/Bulk", Run).RequireScimToken().WithMetadata(new BodySizeLimit(options.MaxBulkPayloadSize));
    }

    private static async Task<IResult> Run(ScimBulkProcessor processor, IOptions<ScimOptions> options, HttpContext http, CancellationToken ct)
    {
        var (body, error) = await ScimHttp.ReadObjectAsync(http.Request);
        if (body is null) return ScimHttp.Error(error!);
        var request = ScimBulkRequest.Read(body, options.Value.MaxBulkOperations);
        if (!request.IsSuccess) return ScimHttp.Error(request.Error);
        var results = await processor.RunAsync(request.Value, http.Actor(), http.BaseUrl(), ct);
        return ScimHttp.Json(new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.BulkResponse),
            ["Operations"] = new JsonArray([.. results.Select(Render)]),
        });
    }

    private static JsonNode Render(ScimBulkResult result)
    {
        var status = result.Error is null ? result.Status : ScimApiErrors.Instance.StatusFor(result.Error.Code);
        var operation = new JsonObject { ["method"] = result.Method };
        operation.Put("bulkId", result.BulkId);
        operation.Put("location", result.Location);
        operation.Put("version", result.Version);
        operation["status"] = status.ToString(CultureInfo.InvariantCulture);
        if (result.Error is not null)
            operation["response"] = JsonSerializer.SerializeToNode(ScimApiErrors.Instance.Body(result.Error, null), JsonSerializerOptions.Web);
        return operation;
    }
}
