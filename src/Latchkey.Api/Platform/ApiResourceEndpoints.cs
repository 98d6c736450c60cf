using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

/// <summary>
/// <c>/api/admin/api-resources</c>: the APIs (RFC 8707 resources) access tokens can be issued for, with
/// their custom scopes. Needs <c>clients:manage</c>, beside <c>/api/admin/oauth-clients</c>.
/// </summary>
public static class ApiResourceEndpoints
{
    public static void MapPlatformApiResources(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/api-resources").WithTags("Platform: admin").RequirePermission(Permissions.ClientsManage)
            .RateLimited(RateLimitPolicies.Admin);
        admin.MapGet("", async (ApiResourceService s, CancellationToken ct) =>
            Results.Ok(new ApiResourcesResponse(true, (await s.ListAsync(ct)).Select(ApiResourceView.From).ToList())));
        admin.MapGet("/{id:guid}", async (Guid id, ApiResourceService s, CancellationToken ct) => One(await s.GetAsync(id, ct)));
        admin.MapPost("", Create);
        admin.MapPatch("/{id:guid}", async (Guid id, ApiResourceRequest b, ApiResourceService s, HttpContext h, CancellationToken ct) =>
            One(await s.UpdateAsync(id, b.ToDraft(), h.Caller().UserId, h.RequestContext(), ct)));
        admin.MapDelete("/{id:guid}", async (Guid id, ApiResourceService s, HttpContext h, CancellationToken ct) =>
            (await s.DeleteAsync(id, h.Caller().UserId, h.RequestContext(), ct)) is { IsSuccess: false } failed
                ? PlatformErrors.Instance.ToResult(failed.Error)
                : Results.Ok(new MessageResponse(true, "API resource deleted")));
    }

    private static async Task<IResult> Create(ApiResourceRequest body, ApiResourceService resources, HttpContext http, CancellationToken ct)
    {
        var created = await resources.CreateAsync(body.ToDraft(), http.Caller().UserId, http.RequestContext(), ct);
        return created.IsSuccess
            ? Results.Json(new ApiResourceResponse(true, ApiResourceView.From(created.Value)), statusCode: StatusCodes.Status201Created)
            : PlatformErrors.Instance.ToResult(created.Error);
    }

    private static IResult One(Result<ApiResource> result) =>
        result.IsSuccess ? Results.Ok(new ApiResourceResponse(true, ApiResourceView.From(result.Value))) : PlatformErrors.Instance.ToResult(result.Error);
}
