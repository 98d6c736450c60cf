using Latchkey.Api.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api.OpenApi;

public static class ApiReferenceServiceCollectionExtensions
{
    /// <summary>The OpenAPI route: one JSON document per surface, <c>/openapi/platform.json</c> and so on.</summary>
    public const string DocumentRoute = "/openapi/{documentName}.json";

    /// <summary>One OpenAPI document per surface of <see cref="ApiDocuments.All"/>, each holding exactly the endpoints it owns.</summary>
    public static IServiceCollection AddLatchkeyApiReference(this IServiceCollection services)
    {
        foreach (var surface in ApiDocuments.All)
            services.AddOpenApi(surface.Name, options =>
            {
                options.ShouldInclude = description => surface.Owns(
                    description.ActionDescriptor.EndpointMetadata.OfType<SurfaceErrors>().LastOrDefault(), description.RelativePath ?? "");
                options.AddDocumentTransformer(new SurfaceDocumentTransformer(surface));
                options.AddOperationTransformer(new SurfaceOperationTransformer(surface));
            });
        return services;
    }

    /// <summary>
    /// Only the documents that exist match, so any other name gets the server's own JSON 404 rather than the
    /// OpenAPI middleware's plain-text one.
    /// </summary>
    public static IEndpointConventionBuilder MapLatchkeyOpenApi(this IEndpointRouteBuilder app) =>
        app.MapOpenApi($"/openapi/{{documentName:regex(^({string.Join('|', ApiDocuments.All.Select(d => d.Name))})$)}}.json");
}
