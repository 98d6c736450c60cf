using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Latchkey.Api.Common;
using Latchkey.Core.Common;
using Latchkey.Core.Scim;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Scim;

/// <summary>Reading SCIM requests and writing SCIM answers: <c>application/scim+json</c>, ETags, Location, list responses.</summary>
internal static class ScimHttp
{
    private static readonly object ActorKey = new();

    public static void SetActor(this HttpContext http, ScimActor actor) => http.Items[ActorKey] = actor;

    /// <summary>The provisioning client of a request that passed <see cref="ScimAuthentication"/>.</summary>
    public static ScimActor Actor(this HttpContext http) =>
        http.Items[ActorKey] as ScimActor ?? throw new InvalidOperationException("The endpoint does not require a SCIM token.");

    /// <summary><c>{PublicUrl}/api/scim/v2</c>, the base of every <c>meta.location</c> and <c>$ref</c>.</summary>
    public static string BaseUrl(this HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IOptions<LatchkeyOptions>>().Value.PublicUrl;
        var origin = string.IsNullOrEmpty(configured) ? $"{http.Request.Scheme}://{http.Request.Host}" : configured.TrimEnd('/');
        return origin + ScimEndpoints.Prefix;
    }

    /// <summary>The body as a JSON object with case-insensitive names; null (with the error) when it is not one.</summary>
    public static async Task<(JsonObject? Body, AuthError? Error)> ReadObjectAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
            return (null, new AuthError(AuthErrorCodes.UnsupportedMediaType, "Send application/scim+json or application/json"));
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, ScimJson.NodeOptions, cancellationToken: request.HttpContext.RequestAborted);
            return node is JsonObject body ? (body, null) : (null, ScimErrors.InvalidSyntax("The body must be a JSON object"));
        }
        catch (JsonException)
        {
            return (null, ScimErrors.InvalidSyntax("The body is not well-formed JSON"));
        }
    }

    public static IResult Error(AuthError error) => ScimApiErrors.Instance.ToResult(error);

    public static IResult Resource(HttpContext http, JsonObject resource, int status = StatusCodes.Status200OK)
    {
        var meta = resource["meta"] as JsonObject;
        if (meta?["version"]?.GetValue<string>() is { } version) http.Response.Headers.ETag = version;
        if (status == StatusCodes.Status201Created && meta?["location"]?.GetValue<string>() is { } location) http.Response.Headers.Location = location;
        return Json(ScimProjection.Apply(resource, http.Request.Query["attributes"], http.Request.Query["excludedAttributes"]), status);
    }

    /// <summary>A GET answered 304 when <c>If-None-Match</c> names the current version.</summary>
    public static IResult ResourceOrNotModified(HttpContext http, JsonObject resource)
    {
        var version = (resource["meta"] as JsonObject)?["version"]?.GetValue<string>();
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        if (version is not null && ifNoneMatch.Length > 0 && ScimVersion.Matches(ifNoneMatch, version))
        {
            http.Response.Headers.ETag = version;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Resource(http, resource);
    }

    public static IResult List(ScimPage<JsonObject> page, int startIndex, string? attributes, string? excluded) => Json(new JsonObject
    {
        ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
        ["totalResults"] = page.TotalResults,
        ["startIndex"] = startIndex,
        ["itemsPerPage"] = page.Resources.Count,
        ["Resources"] = new JsonArray([.. page.Resources.Select(r => (JsonNode)ScimProjection.Apply(r, attributes, excluded))]),
    });

    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), ScimApiErrors.MediaType, System.Text.Encoding.UTF8, status);

    public static string? IfMatch(HttpContext http) => http.Request.Headers.IfMatch.Count == 0 ? null : http.Request.Headers.IfMatch.ToString();

    /// <summary>startIndex, count, sortBy, sortOrder and filter from the query string (RFC 7644 §3.4.2).</summary>
    public static Result<ScimListRequest> ListRequest(IQueryCollection query) =>
        ListRequest(query["filter"], query["sortBy"], query["sortOrder"], query["startIndex"], query["count"]);

    public static Result<ScimListRequest> ListRequest(string? filter, string? sortBy, string? sortOrder, string? startIndex, string? count)
    {
        int? start = null, size = null;
        if (startIndex is { Length: > 0 })
        {
            if (!int.TryParse(startIndex, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s)) return ScimErrors.InvalidValue("startIndex must be an integer");
            start = s;
        }
        if (count is { Length: > 0 })
        {
            if (!int.TryParse(count, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var c)) return ScimErrors.InvalidValue("count must be an integer");
            size = Math.Max(c, 0);
        }
        var descending = sortOrder switch
        {
            null or "" => false,
            _ when sortOrder.Equals("ascending", StringComparison.OrdinalIgnoreCase) => false,
            _ when sortOrder.Equals("descending", StringComparison.OrdinalIgnoreCase) => true,
            _ => (bool?)null,
        };
        if (descending is null) return ScimErrors.InvalidValue("sortOrder must be ascending or descending");
        // RFC 7644 §3.4.2.4: a startIndex below 1 is read as 1.
        return new ScimListRequest(string.IsNullOrEmpty(filter) ? null : filter, string.IsNullOrEmpty(sortBy) ? null : sortBy, descending.Value,
            Math.Max(start ?? 1, 1), size);
    }
}
