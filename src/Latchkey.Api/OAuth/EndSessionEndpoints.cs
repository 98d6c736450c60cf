using Latchkey.Api.Common;
using Latchkey.Core.OAuth;
using Latchkey.Core.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.OAuth;

/// <summary>
/// <c>GET|POST /api/oauth/end-session</c> (OpenID RP-Initiated Logout 1.0). With an id_token_hint for the
/// signed-in user the session ends at once; otherwise the user confirms on the logout page (its form
/// posts back here with an antiforgery token), so a cross-site link alone cannot sign anyone out.
/// </summary>
public static class EndSessionEndpoints
{
    public static void MapOAuthEndSession(this RouteGroupBuilder oauth) =>
        oauth.MapMethods("/end-session", [HttpMethods.Get, HttpMethods.Post], EndSession);

    private static async Task<IResult> EndSession(
        EndSessionService endSession, BrowserSessionReader browsers, SessionCookie cookie, IAntiforgery antiforgery,
        HttpContext http, CancellationToken ct)
    {
        var p = await OAuthRequest.ReadFrontChannelAsync(http);
        if (p.Repeated.Count > 0) return OAuthResults.ErrorPage("invalid_request", "Parameters must not repeat");
        var validated = await endSession.ValidateAsync(p["id_token_hint"], p["client_id"], p["post_logout_redirect_uri"], ct);
        if (!validated.IsSuccess) return OAuthResults.ErrorPage("invalid_request", validated.Error.Message);
        var request = validated.Value;

        var browser = await browsers.ReadAsync(http, ct);
        if (browser is not null)
        {
            var confirmed = EndSessionService.IsConfirmedBy(request, browser)
                || (HttpMethods.IsPost(http.Request.Method) && p["confirm"] == "yes" && await antiforgery.IsRequestValidAsync(http));
            if (!confirmed)
            {
                var query = string.Join('&', p.Values.Where(v => v.Key is "id_token_hint" or "client_id" or "post_logout_redirect_uri" or "state")
                    .Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}"));
                return Results.Redirect($"{HostedPages.Logout}?{query}");
            }
            await endSession.LogoutAsync(browser, http.RequestContext(), ct);
            cookie.Clear(http);
        }
        if (request.PostLogoutRedirectUri is not { } target) return Results.Redirect($"{HostedPages.Logout}?done=1");
        return Results.Redirect(p["state"] is { } state
            ? target + (target.Contains('?') ? "&" : "?") + "state=" + Uri.EscapeDataString(state)
            : target);
    }
}
