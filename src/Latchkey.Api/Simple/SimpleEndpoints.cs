using Latchkey.Api.Common;
using Latchkey.Api.Common.Cors;
using Latchkey.Api.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Simple;

public static class SimpleEndpoints
{
    /// <summary>The Simple API under <c>/api/v1/auth</c>, in its own error shape.</summary>
    public static RouteGroupBuilder MapSimpleApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Simple API").WithSurfaceErrors(SimpleErrors.Instance).WithMetadata(BodySizeLimit.Json)
            .RateLimitSurface(RateLimitSurfaces.Simple).WithCors(CorsRule.BrowserApps);
        auth.MapSimpleAuth();
        auth.MapSimpleKeys();
        return auth;
    }
}
