using Latchkey.Core.Admin;
using Latchkey.Core.Admin.Impersonation;
using Latchkey.Core.Authentication;
using Latchkey.Core.OAuth;
using Latchkey.Core.Sessions;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Pages.Admin;

/// <summary>
/// The door of every console page and action: the browser's cookie session only (a bearer token or API key does
/// not open a page), then the one permission the page or action needs, checked by <see cref="RolePermissions"/>
/// exactly as the admin API's endpoints check it. No session: the sign-in page, coming back here. A session
/// without the permission: a 403 page. While impersonating, the caller is the user, so the console offers only
/// the way back.
/// </summary>
internal sealed class AdminConsole(
    CallerAuthenticator authenticator, IOptions<SessionOptions> sessions, ImpersonationCookie impersonation, RolePermissions roles)
{
    /// <summary>Lets the caller in when their role grants <paramref name="permission"/> (null: any permission at all, the dashboard).</summary>
    public async Task<(AdminCaller? Admin, IResult? Refused)> EnterAsync(HttpContext http, string? permission, CancellationToken ct)
    {
        var caller = await ReadAsync(http, ct);
        if (caller is null) return (null, ToSignIn(http));
        if (caller.IsImpersonated) return (null, ImpersonatingPage.Render(http, caller));
        var granted = await roles.ForRolesAsync(caller.Role, caller.GroupRoles, ct);
        if (permission is null ? granted.Count == 0 : !granted.Contains(permission))
            return (null, Forbidden(http, permission, granted.Count > 0));
        return (new AdminCaller(caller, granted), null);
    }

    /// <summary>The browser's caller, impersonated or not (the same reading the API's cookie authentication makes).</summary>
    public async Task<Caller?> ReadAsync(HttpContext http, CancellationToken ct) =>
        http.Request.Cookies.TryGetValue(sessions.Value.CookieName, out var cookie)
            ? await authenticator.FromCookiesAsync(cookie, impersonation.Read(http.Request), ct)
            : null;

    private static IResult ToSignIn(HttpContext http)
    {
        // A POST cannot be replayed after signing in: come back to the page it was sent from.
        var back = HttpMethods.IsGet(http.Request.Method) ? http.Request.Path + http.Request.QueryString : http.Request.Path.Value;
        return Results.Redirect($"{HostedPages.Login}?return_url={Uri.EscapeDataString(back ?? AdminPaths.Root)}");
    }

    private static IResult Forbidden(HttpContext http, string? permission, bool mayUseConsole) =>
        MessagePage.Render(http, "Not allowed", "You may not use this page",
            permission is null ? "Your role grants no administrative permission." : $"This needs the {permission} permission, which your role does not grant.",
            mayUseConsole ? [new("console-link", "Back to the console", AdminPaths.Root)] : [new("sign-in-link", "Go to the sign-in page", HostedPages.Login)],
            StatusCodes.Status403Forbidden, isError: true);
}
