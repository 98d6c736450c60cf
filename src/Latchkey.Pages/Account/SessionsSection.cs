using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary><c>/account/sessions</c>, through <see cref="SessionService"/> as <c>/api/user/sessions</c>.</summary>
internal static class SessionsSection
{
    public static void MapSessionsSection(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountPaths.Sessions, Show);
        app.MapPost(AccountPaths.SessionRevoke, RevokeOne);
        app.MapPost(AccountPaths.SessionsRevokeOthers, RevokeOthers);
    }

    private static async Task<IResult> Show(string? done, AccountConsole console, SessionService sessions, HttpContext http, CancellationToken ct)
    {
        var (visitor, away) = await console.VisitAsync(http, AccountPaths.Sessions, ct);
        return visitor is null ? away! : await RenderAsync(http, visitor, sessions, null, AccountNotices.For(done), StatusCodes.Status200OK, ct);
    }

    private static async Task<IResult> RevokeOne(AccountConsole console, SessionService sessions, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostAsync(http, AccountPaths.Sessions, ct);
        if (post.Refused is not null) return post.Refused;
        var visitor = post.Visitor!;
        // This device signs out at /logout; here only the others, and only the visitor's own active ones.
        if (Guid.TryParse(post.Form!["session"], out var id) && id != visitor.SessionId
            && await sessions.RevokeOwnAsync(visitor.UserId, id, RequestContext.From(http), ct))
            return AccountConsole.SeeOther(http, AccountPaths.Sessions, "session");
        return await RenderAsync(http, visitor, sessions, "That session is not one of your other active sessions.", null, StatusCodes.Status404NotFound, ct);
    }

    private static async Task<IResult> RevokeOthers(AccountConsole console, SessionService sessions, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostAsync(http, AccountPaths.Sessions, ct);
        if (post.Refused is not null) return post.Refused;
        await sessions.RevokeOthersAsync(post.Visitor!.UserId, post.Visitor.SessionId, RequestContext.From(http), ct);
        return AccountConsole.SeeOther(http, AccountPaths.Sessions, "sessions");
    }

    private static async Task<IResult> RenderAsync(HttpContext http, AccountVisitor visitor, SessionService sessions, string? error, string? notice,
        int status, CancellationToken ct) =>
        PageResults.Page<SessionsView>(http, new Dictionary<string, object?>
        {
            [nameof(SessionsView.Sessions)] = await sessions.ListActiveAsync(visitor.UserId, ct),
            [nameof(SessionsView.CurrentId)] = visitor.SessionId,
            [nameof(SessionsView.Error)] = error,
            [nameof(SessionsView.Notice)] = notice,
        }, status);
}
