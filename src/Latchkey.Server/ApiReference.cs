using Latchkey.Api.OpenApi;
using Scalar.AspNetCore;

namespace Latchkey.Server;

/// <summary>
/// The API reference: each surface's OpenAPI document at <c>/openapi/{name}.json</c>, and Scalar at <c>/docs</c>
/// with the surfaces to pick from. Scalar's script is served from its package (no CDN), without telemetry.
/// </summary>
internal static class ApiReference
{
    public static void MapApiReference(this WebApplication app)
    {
        app.MapLatchkeyOpenApi();
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("Latchkey API reference")
                .WithOpenApiRoutePattern(ApiReferenceServiceCollectionExtensions.DocumentRoute)
                .DisableTelemetry();
            foreach (var document in ApiDocuments.All)
                options.AddDocument(document.Name, document.Title, isDefault: document == ApiDocuments.Platform);
        });
    }
}
