using Microsoft.AspNetCore.Builder;

namespace Latchkey.Api.RateLimiting;

/// <summary>Names the limit an endpoint falls under; endpoints without it use "default".</summary>
public sealed record RateLimitPolicyMetadata(string Policy);

public static class RateLimitEndpointExtensions
{
    public static TBuilder RateLimited<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitPolicyMetadata(policy));
}
