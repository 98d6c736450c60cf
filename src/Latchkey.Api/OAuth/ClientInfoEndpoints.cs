using Latchkey.Api.OAuth.Contracts;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.OAuth;

/// <summary>
/// <c>GET /api/oauth/client-info?client_id=...&amp;scope=...</c>: what the consent screen shows — the client,
/// the requested scopes with descriptions, and the signed-in user (for the personalised preview).
/// </summary>
public static class ClientInfoEndpoints
{
    public static void MapOAuthClientInfo(this RouteGroupBuilder oauth) => oauth.MapGet("/client-info", ClientInfo);

    private static async Task<IResult> ClientInfo(
        string? client_id, string? scope, IOAuthClientStore clients, BrowserSessionReader browsers, IUserStore users,
        ApiResourceCatalog resources, IApiResourceStore resourceStore, HttpContext http, CancellationToken ct)
    {
        var browser = await browsers.ReadAsync(http, ct);
        if (browser is null) return OAuthErrors.Instance.ToResult(new AuthError(AuthErrorCodes.Unauthenticated, "Sign in first"));
        var client = client_id is { Length: <= 100 } ? await clients.FindByClientIdAsync(client_id, ct) : null;
        if (client is null || !client.Active) return OAuthErrors.Instance.ToResult(new AuthError(AuthErrorCodes.InvalidRequest, "Unknown or inactive client"));
        var requested = Scopes.Parse(scope);
        if (requested is null) return OAuthErrors.Instance.ToResult(new AuthError(AuthErrorCodes.InvalidScope, "scope is malformed"));
        var user = await users.FindByIdAsync(browser.UserId, ct);
        var catalog = await resources.GetAsync(resourceStore, ct);
        return Results.Json(ClientInfoResponse.From(client, requested, user!, catalog.Describe));
    }
}
