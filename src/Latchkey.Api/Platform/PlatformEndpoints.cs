using Latchkey.Api.Common;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

public static class PlatformEndpoints
{
    /// <summary>The Platform API under <c>/api</c>, in its own error shape.</summary>
    public static RouteGroupBuilder MapPlatformApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithSurfaceErrors(PlatformErrors.Instance).WithMetadata(BodySizeLimit.Json)
            .RateLimitSurface(RateLimitSurfaces.Platform);
        api.MapPlatformAuth();
        api.MapPlatformUser();
        api.MapPlatformOAuthClients();
        api.MapPlatformScimTokens();
        api.MapPlatformApiResources();
        api.MapPlatformAuthorizedApps();
        api.MapPlatformPasskeys();
        api.MapPlatformSecurity();
        api.MapPlatformAvatar();
        return api;
    }
}
