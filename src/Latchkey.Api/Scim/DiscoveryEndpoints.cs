using System.Text.Json.Nodes;
using Latchkey.Core.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Scim;

/// <summary>
/// ServiceProviderConfig, ResourceTypes and Schemas (RFC 7644 §4), public as the seed says, and truthful: PATCH,
/// filters, sorting, ETags, bulk and password changes are supported.
/// </summary>
internal static class DiscoveryEndpoints
{
    public static void MapScimDiscovery(this RouteGroupBuilder scim)
    {
        scim.MapGet("/ServiceProviderConfig", (HttpContext h, IOptions<ScimOptions> o) => ScimHttp.Json(ServiceProviderConfig(h.BaseUrl(), o.Value)));
        scim.MapGet("/ResourceTypes", (HttpContext h) => ListOf(ResourceTypes(h.BaseUrl())));
        scim.MapGet("/ResourceTypes/{name}", (string name, HttpContext h) => One(ResourceTypes(h.BaseUrl()), name, "ResourceType"));
        scim.MapGet("/Schemas", (HttpContext h) => ListOf(ScimSchemaDocuments.All(h.BaseUrl())));
        scim.MapGet("/Schemas/{id}", (string id, HttpContext h) => One(ScimSchemaDocuments.All(h.BaseUrl()), id, "Schema"));
    }

    private static JsonObject ServiceProviderConfig(string baseUrl, ScimOptions options) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ServiceProviderConfig),
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = true, ["maxOperations"] = options.MaxBulkOperations, ["maxPayloadSize"] = options.MaxBulkPayloadSize },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = options.MaxResults },
        ["changePassword"] = new JsonObject { ["supported"] = true },
        ["sort"] = new JsonObject { ["supported"] = true },
        ["etag"] = new JsonObject { ["supported"] = true },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "SCIM bearer token",
            ["description"] = "A token an administrator creates for an OAuth client (POST /api/admin/oauth-clients/{id}/scim-tokens), sent as Authorization: Bearer scim_...",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = $"{baseUrl}/ServiceProviderConfig" },
    };

    private static JsonObject[] ResourceTypes(string baseUrl) =>
    [
        new()
        {
            ["schemas"] = new JsonArray(ScimSchemas.ResourceType),
            ["id"] = "User", ["name"] = "User", ["endpoint"] = "/Users", ["description"] = "User Account",
            ["schema"] = ScimSchemas.User,
            ["schemaExtensions"] = new JsonArray(new JsonObject { ["schema"] = ScimSchemas.EnterpriseUser, ["required"] = false }),
            ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/User" },
        },
        new()
        {
            ["schemas"] = new JsonArray(ScimSchemas.ResourceType),
            ["id"] = "Group", ["name"] = "Group", ["endpoint"] = "/Groups", ["description"] = "Group",
            ["schema"] = ScimSchemas.Group,
            ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/Group" },
        },
    ];

    private static IResult ListOf(JsonObject[] resources) =>
        ScimHttp.List(new ScimPage<JsonObject>(resources.Length, resources), 1, null, null);

    private static IResult One(JsonObject[] resources, string id, string what) =>
        resources.FirstOrDefault(r => string.Equals(r["id"]?.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase)) is { } found
            ? ScimHttp.Json(found)
            : ScimHttp.Error(ScimErrors.NotFound(what));
}
