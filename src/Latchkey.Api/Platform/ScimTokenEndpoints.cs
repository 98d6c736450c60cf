using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Admin;
using Latchkey.Core.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

/// <summary>
/// SCIM tokens of an OAuth client, beside the admin client endpoints: an administrator with <c>clients:manage</c>
/// creates one (the secret is shown once), lists them (prefix, name, dates) and revokes one.
/// </summary>
internal static class ScimTokenEndpoints
{
    public static void MapPlatformScimTokens(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/admin/oauth-clients/{clientId:guid}/scim-tokens").WithTags("Platform: admin")
            .RequirePermission(Permissions.ClientsManage).RateLimited(RateLimitPolicies.Admin);
        tokens.MapGet("", List);
        tokens.MapPost("", Create);
        tokens.MapDelete("/{tokenId:guid}", Revoke);
    }

    private static AdminActor Actor(HttpContext http)
    {
        var caller = http.Caller();
        return new AdminActor(caller.UserId, caller.Role, http.RequestContext(), caller.GroupRoles);
    }

    private static async Task<IResult> List(Guid clientId, ScimTokenService tokens, CancellationToken ct)
    {
        var listed = await tokens.ListAsync(clientId, ct);
        return listed.IsSuccess
            ? Results.Ok(new ScimTokensResponse(true, listed.Value.Select(ScimTokenView.From).ToList()))
            : PlatformErrors.Instance.ToResult(listed.Error);
    }

    private static async Task<IResult> Create(Guid clientId, ScimTokenRequest? body, ScimTokenService tokens, HttpContext http, CancellationToken ct)
    {
        var created = await tokens.CreateAsync(clientId, body?.Name, Actor(http), ct);
        if (!created.IsSuccess) return PlatformErrors.Instance.ToResult(created.Error);
        return Results.Json(new ScimTokenCreatedResponse(true, ScimTokenView.From(created.Value.Token), created.Value.Secret,
            "SCIM token created; store it now, it is not shown again"), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> Revoke(Guid clientId, Guid tokenId, ScimTokenService tokens, HttpContext http, CancellationToken ct)
    {
        var revoked = await tokens.RevokeAsync(clientId, tokenId, Actor(http), ct);
        return revoked.IsSuccess ? Results.Ok(new MessageResponse(true, "SCIM token revoked")) : PlatformErrors.Instance.ToResult(revoked.Error);
    }
}
