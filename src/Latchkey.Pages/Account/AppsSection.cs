using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary><c>/account/apps</c>, through <see cref="AuthorizedAppsService"/> as <c>/api/user/authorized-apps</c>.</summary>
internal static class AppsSection
{
    public static void MapAppsSection(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountPaths.Apps, Show);
        app.MapPost(AccountPaths.AppRevoke, Revoke);
    }

    private static async Task<IResult> Show(string? done, AccountConsole console, AuthorizedAppsService apps, HttpContext http, CancellationToken ct)
    {
        var (visitor, away) = await console.VisitAsync(http, AccountPaths.Apps, ct);
        return visitor is null ? away! : await RenderAsync(http, visitor, apps, null, AccountNotices.For(done), StatusCodes.Status200OK, ct);
    }

    private static async Task<IResult> Revoke(AccountConsole console, AuthorizedAppsService apps, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostAsync(http, AccountPaths.Apps, ct);
        if (post.Refused is not null) return post.Refused;
        var revoked = await apps.RevokeAsync(post.Visitor!.UserId, AccountConsole.Text(post.Form!, "client_id"), RequestContext.From(http), ct);
        return revoked.IsSuccess
            ? AccountConsole.SeeOther(http, AccountPaths.Apps, "app")
            : await RenderAsync(http, post.Visitor, apps, revoked.Error.Message, null, AccountConsole.StatusFor(revoked.Error), ct);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, AccountVisitor visitor, AuthorizedAppsService apps, string? error, string? notice,
        int status, CancellationToken ct) =>
        PageResults.Page<AppsView>(http, new Dictionary<string, object?>
        {
            [nameof(AppsView.Apps)] = await apps.ListAsync(visitor.UserId, ct),
            [nameof(AppsView.Error)] = error,
            [nameof(AppsView.Notice)] = notice,
        }, status);
}
