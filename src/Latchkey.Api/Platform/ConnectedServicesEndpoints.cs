using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Platform.Contracts;
using Latchkey.Core.Common;
using Latchkey.Core.Social;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Platform;

/// <summary>
/// <c>/api/user/connected-services</c> (the seed's list) plus Latchkey's connect and disconnect for
/// signed-in users. Connecting starts the same redirect flow as sign-in, bound to the current user.
/// </summary>
public static class ConnectedServicesEndpoints
{
    public static void MapPlatformConnectedServices(this RouteGroupBuilder user)
    {
        var services = user.MapGroup("/connected-services");
        services.MapGet("", List).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        services.MapPost("/{provider}/connect", Connect).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        services.MapPost("/{provider}/idtoken", ConnectIdToken).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        services.MapDelete("/{provider}", Disconnect).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
    }

    private static async Task<IResult> List(ConnectedServicesService connected, HttpContext http, CancellationToken ct)
    {
        var list = await connected.ListAsync(http.Caller().UserId, ct);
        return Results.Ok(new ConnectedServicesResponse(true, list.Select(ConnectedServiceView.From).ToList()));
    }

    private static async Task<IResult> Connect(string provider, ConnectRequest? body, SocialFlowService flow, OAuthStateCookie stateCookie,
        IOptions<LatchkeyOptions> latchkey, HttpContext http, CancellationToken ct)
    {
        var name = provider.ToLowerInvariant();
        var started = await flow.BeginAsync(name, body?.RedirectTo, OAuthEndpoints.CallbackUrl(latchkey), http.Caller().UserId, ct);
        if (!started.IsSuccess) return PlatformErrors.Instance.ToResult(started.Error);
        stateCookie.Set(http, started.Value.BrowserSecret);
        return Results.Ok(new OAuthInitiateResponse(true, name, started.Value.AuthorizationUrl, started.Value.ExpiresAt));
    }

    private static async Task<IResult> ConnectIdToken(string provider, IdTokenConnectRequest body, IdTokenSignInService idTokens, HttpContext http, CancellationToken ct)
    {
        var result = await idTokens.ConnectAsync(http.Caller().UserId, provider.ToLowerInvariant(), body.IdToken, body.Nonce, http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Ok(new MessageResponse(true, "Connected"))
            : PlatformErrors.Instance.ToResult(result.Error);
    }

    private static async Task<IResult> Disconnect(string provider, ConnectedServicesService connected, HttpContext http, CancellationToken ct)
    {
        var result = await connected.DisconnectAsync(http.Caller().UserId, provider, http.RequestContext(), ct);
        return result.IsSuccess
            ? Results.Ok(new MessageResponse(true, "Disconnected"))
            : PlatformErrors.Instance.ToResult(result.Error);
    }
}
