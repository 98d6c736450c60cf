using Latchkey.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.Common;

public static class SurfaceErrorsExtensions
{
    /// <summary>Marks every endpoint of a group as belonging to a surface (its error shape).</summary>
    public static TBuilder WithSurfaceErrors<TBuilder>(this TBuilder builder, SurfaceErrors errors) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(errors);

    /// <summary>The translator of the endpoint being run, or <paramref name="fallback"/> before routing matched.</summary>
    public static SurfaceErrors SurfaceErrors(this HttpContext context, SurfaceErrors fallback) =>
        context.GetEndpoint()?.Metadata.GetMetadata<SurfaceErrors>() ?? fallback;

    public static IResult ToResult(this AuthError error, HttpContext context, SurfaceErrors fallback) =>
        context.SurfaceErrors(fallback).ToResult(error, context.TraceIdentifier);
}
