using Latchkey.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Api.Common;

public static class SurfaceErrorsExtensions
{
    /// <summary>Marks every endpoint of a group as belonging to a surface (its error shape).</summary>
    public static TBuilder WithSurfaceErrors<TBuilder>(this TBuilder builder, SurfaceErrors errors) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(errors);

    /// <summary>
    /// The translator of the endpoint being run; when routing matched none of a surface's endpoints (unknown
    /// route, wrong method or content type), the surface that owns the path; else <paramref name="fallback"/>.
    /// </summary>
    public static SurfaceErrors SurfaceErrors(this HttpContext context, SurfaceErrors fallback) =>
        context.GetEndpoint()?.Metadata.GetMetadata<SurfaceErrors>()
        ?? context.RequestServices.GetService<SurfaceRegistry>()?.ErrorsFor(context.Request.Path)
        ?? fallback;

    public static IResult ToResult(this AuthError error, HttpContext context, SurfaceErrors fallback) =>
        context.SurfaceErrors(fallback).ToResult(error, context.TraceIdentifier);
}
