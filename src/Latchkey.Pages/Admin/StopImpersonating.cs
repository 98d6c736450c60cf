using Latchkey.Core.Admin.Impersonation;
using Latchkey.Core.Common;
using Latchkey.Pages.Flows;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>POST /admin/impersonation/stop</c>: the banner's way back. Like <c>POST /api/admin/impersonate/stop</c> it needs
/// only the session (the caller is the user meanwhile); it ends the impersonation session, clears its cookie and
/// returns to the account's page.
/// </summary>
internal static class StopImpersonating
{
    public static async Task<IResult> SubmitAsync(AdminConsole console, FlowForms forms, ImpersonationService impersonation,
        ImpersonationCookie cookie, HttpContext http, CancellationToken ct)
    {
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.Root, ct);
        if (form is null) return expired!;
        var caller = await console.ReadAsync(http, ct);
        var stopped = caller is not null && await impersonation.StopAsync(caller, RequestContext.From(http), ct);
        cookie.Clear(http);
        return Results.Redirect(stopped ? AdminPaths.User(caller!.UserId) : AdminPaths.Root);
    }
}
