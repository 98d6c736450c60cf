using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Admin;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Platform;

/// <summary>
/// The developer console (<c>/api/user/oauth-clients</c>, the caller's own clients) and the admin console
/// (<c>/api/admin/oauth-clients</c>, every client, with the first-party and active flags). One set of
/// handlers: the admin routes pass no owner, the user routes pass the caller. PUT replaces the metadata
/// (fields left out take their defaults); PATCH changes only the fields sent.
/// </summary>
public static class OAuthClientEndpoints
{
    public static void MapPlatformOAuthClients(this RouteGroupBuilder api)
    {
        var mine = api.MapGroup("/user/oauth-clients").WithTags("Platform: developer console").RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        mine.MapGet("", (OAuthClientService s, HttpContext h, CancellationToken ct) => List(s, h.Caller().UserId, ct));
        mine.MapPost("", (OAuthClientRequest b, OAuthClientService s, HttpContext h, CancellationToken ct) => Create(b, s, h, h.Caller().UserId, ct));
        mine.MapPut("/{id:guid}", (Guid id, OAuthClientRequest b, OAuthClientService s, HttpContext h, CancellationToken ct) => Update(id, b, false, s, h, h.Caller().UserId, ct));
        mine.MapPatch("/{id:guid}", (Guid id, OAuthClientRequest b, OAuthClientService s, HttpContext h, CancellationToken ct) => Update(id, b, true, s, h, h.Caller().UserId, ct));
        mine.MapDelete("/{id:guid}", (Guid id, OAuthClientService s, HttpContext h, CancellationToken ct) => Delete(id, s, h, h.Caller().UserId, ct));
        mine.MapOAuthClientSecretRotation(admin: false);

        var admin = api.MapGroup("/admin/oauth-clients").WithTags("Platform: admin").RequirePermission(Permissions.ClientsManage)
            .RateLimited(RateLimitPolicies.Admin);
        admin.MapGet("", (OAuthClientService s, CancellationToken ct) => List(s, null, ct));
        admin.MapPost("", (OAuthClientRequest b, OAuthClientService s, HttpContext h, CancellationToken ct) => Create(b, s, h, null, ct));
        admin.MapPut("/{id:guid}", (Guid id, OAuthClientRequest b, OAuthClientService s, HttpContext h, CancellationToken ct) => Update(id, b, false, s, h, null, ct));
        admin.MapPatch("/{id:guid}", (Guid id, OAuthClientRequest b, OAuthClientService s, HttpContext h, CancellationToken ct) => Update(id, b, true, s, h, null, ct));
        admin.MapDelete("/{id:guid}", (Guid id, OAuthClientService s, HttpContext h, CancellationToken ct) => Delete(id, s, h, null, ct));
        admin.MapOAuthClientSecretRotation(admin: true);
    }

    private static async Task<IResult> List(OAuthClientService clients, Guid? owner, CancellationToken ct) =>
        Results.Ok(new OAuthClientsResponse(true, (await clients.ListAsync(owner, ct)).Select(OAuthClientView.From).ToList()));

    private static async Task<IResult> Create(OAuthClientRequest body, OAuthClientService clients, HttpContext http, Guid? owner, CancellationToken ct)
    {
        // Only the admin console makes first-party clients (they skip consent).
        var created = await clients.CreateAsync(body.ToDraft(), owner, owner is null && body.FirstParty == true, ClientFieldNames.Platform, http.RequestContext(), ct);
        if (!created.IsSuccess) return PlatformErrors.Instance.ToResult(created.Error);
        var (client, secret) = (created.Value.Client, created.Value.ClientSecret);
        var message = secret is null ? "Client created" : "Client created; store the secret now, it is not shown again";
        return Results.Json(new OAuthClientCreatedResponse(true, OAuthClientView.From(client), secret, message), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> Update(Guid id, OAuthClientRequest body, bool partial, OAuthClientService clients, HttpContext http, Guid? owner, CancellationToken ct)
    {
        var admin = owner is null;
        var updated = await clients.UpdateAsync(id, owner, body.ToDraft(), partial, admin ? body.FirstParty : null, admin ? body.Active : null,
            ClientFieldNames.Platform, http.RequestContext(), ct);
        return updated.IsSuccess
            ? Results.Ok(new OAuthClientResponse(true, OAuthClientView.From(updated.Value)))
            : PlatformErrors.Instance.ToResult(updated.Error);
    }

    private static async Task<IResult> Delete(Guid id, OAuthClientService clients, HttpContext http, Guid? owner, CancellationToken ct)
    {
        var deleted = await clients.DeleteAsync(id, owner, http.RequestContext(), ct);
        return deleted.IsSuccess ? Results.Ok(new MessageResponse(true, "Client deleted")) : PlatformErrors.Instance.ToResult(deleted.Error);
    }
}
