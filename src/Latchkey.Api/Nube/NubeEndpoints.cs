using Latchkey.Api.Common;
using Latchkey.Api.Common.Cors;
using Latchkey.Api.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nube;

public static class NubeEndpoints
{
    /// <summary>
    /// The paths the Nube surface owns under <c>/v1</c> (none of them is an Nhost path): unknown routes, wrong
    /// methods and bad bodies under them are answered in the Nube shape.
    /// </summary>
    public static readonly string[] Prefixes = ["/v1/auth", "/v1/users", "/v1/sessions", "/v1/licenses", "/v1/admin"];

    /// <summary>The Nube API (seed 000) under <c>/v1</c>, beside the Nhost one, in its own envelope and error shape.</summary>
    public static RouteGroupBuilder MapNubeApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithSurfaceErrors(NubeErrors.Instance).WithMetadata(BodySizeLimit.Json)
            .RateLimitSurface(RateLimitSurfaces.Nube).WithCors(CorsRule.BrowserApps);
        v1.MapNubeAuth();
        v1.MapNubeUsers();
        v1.MapNubeSessions();
        v1.MapNubeAdmin();
        v1.MapNubeLicenses();
        v1.MapNubeLicenseAdmin();
        return v1;
    }
}
