using Latchkey.Api.Admin.Contracts;
using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Core.Admin;
using Latchkey.Core.Admin.Impersonation;
using Latchkey.Core.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Admin;

/// <summary>
/// <c>/api/admin/impersonate</c> (impersonate): sets the impersonation cookie beside the administrator's session;
/// <c>/api/admin/impersonate/stop</c> ends it. Stopping needs no permission: while impersonating, the caller is the user.
/// </summary>
public static class ImpersonationEndpoints
{
    public static void MapAdminImpersonation(this RouteGroupBuilder admin)
    {
        admin.MapPost("/impersonate", Start).RequirePermission(Permissions.Impersonate);
        admin.MapPost("/impersonate/stop", Stop).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
    }

    private static async Task<IResult> Start(
        ImpersonateRequest body, HttpContext http, ImpersonationService impersonation, ImpersonationCookie cookie, CancellationToken ct)
    {
        var cookieSession = http.Caller().Credential == CredentialKind.Cookie;
        var started = await impersonation.StartAsync(http.Actor(), cookieSession, body.UserId, body.Reason, ct);
        if (!started.IsSuccess) return AdminHttp.Error(started.Error);
        var s = started.Value;
        cookie.Set(http, s.CookieSecret, s.ExpiresAt);
        return Results.Ok(new ImpersonationResponse(true, new ImpersonationView(s.UserId, s.Email, s.ExpiresAt)));
    }

    private static async Task<IResult> Stop(HttpContext http, ImpersonationService impersonation, ImpersonationCookie cookie, CancellationToken ct)
    {
        var stopped = await impersonation.StopAsync(http.Caller(), http.RequestContext(), ct);
        cookie.Clear(http);
        return Results.Ok(new AdminMessageResponse(true, stopped ? "Impersonation ended" : "Not impersonating"));
    }
}
