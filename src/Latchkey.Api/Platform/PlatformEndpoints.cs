using Latchkey.Api.Common;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        api.MapPlatformAuthorizedApps();
        api.MapPlatformPasskeys();
        api.MapPlatformSecurity();
        // Unknown /api paths answer in the surface's shape rather than with an empty 404.
        api.MapFallback(() => PlatformErrors.Instance.ToResult(new AuthError(AuthErrorCodes.NotFound, "No such endpoint")))
            .ExcludeFromDescription();
        return api;
    }
}
