using Latchkey.Core.Common;
using Latchkey.Core.Passkeys;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary>
/// <c>/account/passkeys</c>, through <see cref="PasskeyService"/> as <c>GET</c> and <c>DELETE /api/user/passkeys</c>:
/// the person's passkeys, and removing one (the core asks no step-up for it, as the API). Adding one needs the
/// WebAuthn ceremony in a page script and renaming has no core operation; neither is here.
/// </summary>
internal static class PasskeysSection
{
    public static void MapPasskeysSection(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountPaths.Passkeys, Show);
        app.MapPost(AccountPaths.PasskeyRemove, Remove);
    }

    private static async Task<IResult> Show(string? done, AccountConsole console, PasskeyService passkeys, HttpContext http, CancellationToken ct)
    {
        var (visitor, away) = await console.VisitAsync(http, AccountPaths.Passkeys, ct);
        return visitor is null ? away! : await RenderAsync(http, visitor, passkeys, null, AccountNotices.For(done), StatusCodes.Status200OK, ct);
    }

    private static async Task<IResult> Remove(AccountConsole console, PasskeyService passkeys, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.Passkeys, ct);
        if (post.Refused is not null) return post.Refused;
        var visitor = post.Visitor!;
        var removed = await passkeys.DeleteAsync(visitor.UserId, visitor.SessionId, AccountConsole.Text(post.Form!, "credential_id"),
            signOutOthers: false, RequestContext.From(http), ct);
        return removed.IsSuccess
            ? AccountConsole.SeeOther(http, AccountPaths.Passkeys, "passkey")
            : await RenderAsync(http, visitor, passkeys, removed.Error.Message, null, AccountConsole.StatusFor(removed.Error), ct);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, AccountVisitor visitor, PasskeyService passkeys, string? error, string? notice,
        int status, CancellationToken ct) =>
        PageResults.Page<PasskeysView>(http, new Dictionary<string, object?>
        {
            [nameof(PasskeysView.Passkeys)] = await passkeys.ListAsync(visitor.UserId, ct),
            [nameof(PasskeysView.Error)] = error,
            [nameof(PasskeysView.Notice)] = notice,
        }, status);
}
