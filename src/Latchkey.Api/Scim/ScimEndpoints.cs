using Latchkey.Api.Common;
using Latchkey.Api.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Scim;

public static class ScimEndpoints
{
    public const string Prefix = "/api/scim/v2";

    /// <summary>
    /// SCIM 2.0 under <c>/api/scim/v2</c> (RFC 7643/7644): discovery without authentication, Users and Groups with a
    /// SCIM token, every answer and error as <c>application/scim+json</c>, under the seed's 100 requests per 15 minutes.
    /// </summary>
    public static RouteGroupBuilder MapScimApi(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup(Prefix)
            .WithSurfaceErrors(ScimApiErrors.Instance)
            .WithMetadata(BodySizeLimit.Json)
            .RateLimitSurface(RateLimitSurfaces.Scim)
            .WithTags("SCIM");
        scim.MapScimDiscovery();
        scim.MapScimUsers();
        scim.MapScimGroups();
        scim.MapScimBulk();
        scim.MapScimRootSearch();
        return scim;
    }
}
