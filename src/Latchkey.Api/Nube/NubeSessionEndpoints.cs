using Latchkey.Api.Authentication;
using Latchkey.Api.Common;
using Latchkey.Api.Nube.Contracts;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nube;

/// <summary><c>/v1/sessions</c>: the caller's active sessions, the current one marked; revoking needs a session.</summary>
public static class NubeSessionEndpoints
{
    public static void MapNubeSessions(this RouteGroupBuilder v1)
    {
        var sessions = v1.MapGroup("/sessions").WithTags("Nube: sessions");
        sessions.MapGet("", List).RequireAuthorization(LatchkeyAuthentication.AnyCredential);
        sessions.MapDelete("/{id}", RevokeOne).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
        sessions.MapDelete("", RevokeAll).RequireAuthorization(LatchkeyAuthentication.SessionRequired);
    }

    private static async Task<IResult> List(int? page, int? limit, SessionService sessions, HttpContext http, CancellationToken ct)
    {
        if (NubeResults.Paging(page, limit, out var p, out var l) is { } badPage) return NubeResults.Error(http, badPage);
        var caller = http.Caller();
        // A user holds a handful of sessions (each sign-in is one, and they expire): paged after one read.
        var all = await sessions.ListActiveAsync(caller.UserId, ct);
        var items = all.Skip((p - 1) * l).Take(l).Select(s => NubeSession.From(s, caller.SessionId)).ToList();
        return NubeResults.Page(http, items, p, l, all.Count);
    }

    private static async Task<IResult> RevokeOne(string id, SessionService sessions, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        return Guid.TryParse(id, out var sessionId) && await sessions.RevokeOwnAsync(caller.UserId, sessionId, http.RequestContext(), ct)
            ? NubeResults.Ok(http, new LoggedOut(sessionId))
            : NubeResults.Error(http, new AuthError(AuthErrorCodes.NotFound, "No such active session"));
    }

    /// <summary>Signs out everywhere, this session included (the Platform API's revoke-all keeps the current one).</summary>
    private static async Task<IResult> RevokeAll(SessionService sessions, HttpContext http, CancellationToken ct) =>
        NubeResults.Ok(http, new RevokedSessions(await sessions.RevokeOthersAsync(http.Caller().UserId, null, http.RequestContext(), ct)));
}
