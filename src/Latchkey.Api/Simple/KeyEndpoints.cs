using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Simple.Contracts;
using Latchkey.Core.ApiKeys;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Simple;

/// <summary>
/// <c>/api/v1/auth/keys</c>. Managing keys needs a signed-in session: a leaked key must not be able
/// to mint more keys or delete the owner's others.
/// </summary>
public static class KeyEndpoints
{
    public static void MapSimpleKeys(this RouteGroupBuilder auth)
    {
        var keys = auth.MapGroup("/keys").RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        keys.MapPost("/", Create);
        keys.MapGet("/", List);
        keys.MapDelete("/{keyId}", Delete);
    }

    private static async Task<IResult> Create(CreateKeyRequest? body, ApiKeyService keys, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var result = await keys.CreateAsync(caller.UserId, caller.SessionId, body?.Name, body?.Scopes, http.RequestContext(), ct);
        if (!result.IsSuccess) return SimpleErrors.Instance.ToResult(result.Error);
        var (key, secret) = result.Value;
        return Results.Json(new CreatedKeyResponse(ApiKeyFormat.PublicId(key.Id), secret, key.Name, key.CreatedAt, ApiKeyScopes.List(key.Scopes)), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> List(ApiKeyService keys, HttpContext http, CancellationToken ct)
    {
        var list = await keys.ListAsync(http.Caller().UserId, ct);
        return Results.Ok(list.Select(k => new KeyView(ApiKeyFormat.PublicId(k.Id), k.Name, k.CreatedAt, k.LastUsedAt, ApiKeyScopes.List(k.Scopes))));
    }

    private static async Task<IResult> Delete(string keyId, ApiKeyService keys, HttpContext http, CancellationToken ct) =>
        await keys.DeleteAsync(http.Caller().UserId, keyId, http.RequestContext(), ct)
            ? Results.NoContent()
            : SimpleErrors.Instance.ToResult(new AuthError(AuthErrorCodes.NotFound, "API key not found"));
}
