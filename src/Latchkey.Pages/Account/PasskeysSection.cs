using Latchkey.Core.Common;
using Latchkey.Core.Passkeys;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary>
/// <c>/account/passkeys</c>, through <see cref="PasskeyService"/> as <c>GET</c> and <c>DELETE /api/user/passkeys</c>:
/// the person's passkeys, renaming one and removing one (the core asks no step-up for either, as the API). Adding one
/// is <see cref="PasskeyAddSection"/>.
/// </summary>
internal static class PasskeysSection
{
    public static void MapPasskeysSection(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountPaths.Passkeys, Show);
        app.MapPost(AccountPaths.PasskeyRemove, Remove);
        app.MapPost(AccountPaths.PasskeyRename, Rename);
        app.MapPasskeyAddSection();
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

    private static async Task<IResult> Rename(AccountConsole console, PasskeyService passkeys, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.Passkeys, ct);
        if (post.Refused is not null) return post.Refused;
        var (visitor, form) = (post.Visitor!, post.Form!);
        var credentialId = AccountConsole.Text(form, "credential_id");
        var renamed = await passkeys.RenameAsync(visitor.UserId, credentialId, AccountConsole.Text(form, "name"), RequestContext.From(http), ct);
        return renamed.IsSuccess
            ? AccountConsole.SeeOther(http, AccountPaths.Passkeys, "passkey-renamed")
            : await RenderAsync(http, visitor, passkeys, renamed.Error.Message, null, AccountConsole.StatusFor(renamed.Error), ct,
                renamingId: credentialId, renameError: AccountConsole.FieldError(renamed.Error, "name"));
    }

    /// <summary>The list page; <paramref name="addError"/> is a refused name for a new passkey, shown under the add form.</summary>
    internal static async Task<IResult> RenderAsync(HttpContext http, AccountVisitor visitor, PasskeyService passkeys, string? error, string? notice,
        int status, CancellationToken ct, AuthError? addError = null, string? addName = null, string? renamingId = null, string? renameError = null) =>
        PageResults.Page<PasskeysView>(http, new Dictionary<string, object?>
        {
            [nameof(PasskeysView.Passkeys)] = await passkeys.ListAsync(visitor.UserId, ct),
            [nameof(PasskeysView.Error)] = error ?? (addError is null ? null : "The passkey was not added: check its name."),
            [nameof(PasskeysView.Notice)] = notice,
            [nameof(PasskeysView.AddError)] = AccountConsole.FieldError(addError, "name"),
            [nameof(PasskeysView.AddName)] = addName,
            [nameof(PasskeysView.RenamingId)] = renamingId,
            [nameof(PasskeysView.RenameError)] = renameError,
        }, status);
}
