using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using static Latchkey.Pages.Html;

namespace Latchkey.Pages;

/// <summary>
/// <c>/login?done=1</c>: where a hosted sign-in with no return URL ends (<see cref="LocalReturnUrl.Default"/>). It says
/// who is signed in, offers to sign out (the confirmed end-session form, so no link alone signs anyone out) and
/// leads on to the operator's application when <see cref="PagesOptions.HomeUrl"/> is set; a visitor without a
/// session is offered the sign-in form instead.
/// </summary>
internal static class SignedInPage
{
    public static async Task<IResult> Render(
        BrowserSessionReader browsers, IUserStore users, IAntiforgery antiforgery, IOptions<PagesOptions> pages, HttpContext http, CancellationToken ct)
    {
        var browser = await browsers.ReadAsync(http, ct);
        var user = browser is null ? null : await users.FindByIdAsync(browser.UserId, ct);
        if (user is null)
            return Page(http, "Not signed in", $"""
                <h1>You are not signed in</h1>
                <p><a href="{HostedPages.Login}">Sign in</a></p>
                """);
        var home = pages.Value.HomeUrl is { } h ? $"<p><a id=\"home\" href=\"{E(h)}\">Continue to the application</a></p>" : "";
        return Page(http, "Signed in", $"""
            <h1>You are signed in</h1>
            <p role="status">Signed in as <strong id="signed-in-as">{E(user.Email)}</strong>.</p>
            {home}
            <form method="post" action="/api/oauth/end-session">
            {Antiforgery(antiforgery, http)}
            {Hidden("confirm", "yes")}
            <button type="submit" class="secondary">Sign out</button>
            </form>
            """);
    }
}
