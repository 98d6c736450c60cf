using Latchkey.Core.Account;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Account;

/// <summary>
/// <c>/account/data</c>: the export (<see cref="AccountExportService"/>, the document of <c>GET /api/user/export</c>)
/// and deletion (<see cref="AccountDeletionService"/>, as <c>DELETE /api/user/delete</c>: the password, or step-up for
/// an account without one).
/// </summary>
internal static class DataSection
{
    /// <summary>Maps the section; returns the export POST (for the export limit) and the delete POST (a guessable password).</summary>
    public static (IEndpointConventionBuilder Export, IEndpointConventionBuilder Delete) MapDataSection(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccountPaths.Data, Show);
        return (app.MapPost(AccountPaths.Export, Export), app.MapPost(AccountPaths.Delete, Delete));
    }

    private static async Task<IResult> Show(AccountConsole console, HttpContext http, CancellationToken ct)
    {
        var (visitor, away) = await console.VisitAsync(http, AccountPaths.Data, ct);
        return visitor is null ? away! : Render(http, visitor, null, null, null);
    }

    private static async Task<IResult> Export(AccountConsole console, AccountExportService export, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostAsync(http, AccountPaths.Data, ct);
        if (post.Refused is not null) return post.Refused;
        var visitor = post.Visitor!;
        var document = await export.ExportAsync(visitor.UserId, RequestContext.From(http), ct);
        if (!document.IsSuccess) return Render(http, visitor, document.Error.Message, null, null, AccountConsole.StatusFor(document.Error));
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"latchkey-account-{visitor.UserId}.json\"";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(document.Value);
    }

    private static async Task<IResult> Delete(AccountConsole console, AccountDeletionService deletion, SessionCookie cookie, HttpContext http, CancellationToken ct)
    {
        var post = await console.PostSensitiveAsync(http, AccountPaths.Data, ct);
        if (post.Refused is not null) return post.Refused;
        var (visitor, form) = (post.Visitor!, post.Form!);
        if (form["confirm"] != "yes") return Render(http, visitor, null, null, "Tick the box to confirm.", StatusCodes.Status400BadRequest);
        var password = AccountConsole.Text(form, "password");
        var deleted = await deletion.DeleteAsync(visitor.UserId, visitor.SessionId, password.Length > 0 ? password : null, RequestContext.From(http), ct);
        if (deleted.IsSuccess)
        {
            cookie.Clear(http);
            return MessagePage.Render(http, "Account deleted", "Your account was deleted", "Your account and its data are gone, and you are signed out everywhere.", []);
        }
        if (deleted.Error.Code == AuthErrorCodes.ElevationRequired) return ElevateSection.Ask(http, visitor, AccountPaths.Data);
        var status = AccountConsole.StatusFor(deleted.Error);
        return deleted.Error.Code is AuthErrorCodes.InvalidCurrentPassword or AuthErrorCodes.ValidationFailed
            ? Render(http, visitor, null, deleted.Error.Message, null, status)
            : Render(http, visitor, deleted.Error.Message, null, null, status);
    }

    private static IResult Render(HttpContext http, AccountVisitor visitor, string? error, string? passwordError, string? confirmError,
        int status = StatusCodes.Status200OK) =>
        PageResults.Page<DataView>(http, new Dictionary<string, object?>
        {
            [nameof(DataView.HasPassword)] = visitor.User.PasswordHash is not null,
            [nameof(DataView.Error)] = error,
            [nameof(DataView.PasswordError)] = passwordError,
            [nameof(DataView.ConfirmError)] = confirmError,
        }, status);
}
