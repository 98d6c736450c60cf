using Latchkey.Api.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api.OpenApi;

public static class ApiReferenceServiceCollectionExtensions
{
    /// <summary>The OpenAPI route: one JSON document per surface, <c>/openapi/platform.json</c> and so on.</summary>
    public const string DocumentRoute = "/openapi/{documentName}.json";

    /// <summary>
    /// <see cref="DocumentRoute"/> as mapped: only the known names match, so any other name is an ordinary 404
    /// in the error shape rather than the OpenAPI package's plain-text answer.
    /// </summary>
    private static readonly string MappedRoute =
        $"/openapi/{{documentName:regex(^({string.Join('|', ApiDocuments.All.Select(d => d.Name))})$)}}.json";

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

    public static IEndpointConventionBuilder MapLatchkeyOpenApi(this IEndpointRouteBuilder app) => app.MapOpenApi(MappedRoute);
}
