using Microsoft.AspNetCore.Builder;

namespace Latchkey.Api.RateLimiting;

/// <summary>Names the limit an endpoint falls under; endpoints without it use "default".</summary>
public sealed record RateLimitPolicyMetadata(string Policy);

/// <summary>Names the surface whose buckets an endpoint counts in; set once on each surface's group.</summary>
public sealed record RateLimitSurfaceMetadata(string Surface);

public static class RateLimitEndpointExtensions
{
    public static TBuilder RateLimited<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitPolicyMetadata(policy));

    public static TBuilder RateLimitSurface<TBuilder>(this TBuilder builder, string surface) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitSurfaceMetadata(surface));
}
