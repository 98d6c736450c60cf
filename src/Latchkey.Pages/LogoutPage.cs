using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Latchkey.Pages.Html;

namespace Latchkey.Pages;

/// <summary><c>/logout</c>: asks before an RP-initiated logout that carried no proof of the user, and confirms it afterwards.</summary>
internal static class LogoutPage
{
    private static readonly string[] Forwarded = ["id_token_hint", "client_id", "post_logout_redirect_uri", "state"];

    public static void MapLogoutPage(this IEndpointRouteBuilder app) => app.MapGet(HostedPages.Logout, Show);

    private static IResult Show(string? done, IAntiforgery antiforgery, HttpContext http)
    {
        if (done == "1") return Page(http, "Signed out", "<h1>You are signed out</h1><p role=\"status\">You can close this page.</p>");
        var hidden = string.Concat(Forwarded.Select(name => http.Request.Query[name].ToString() is { Length: > 0 } v ? Hidden(name, v) : ""));
        return Page(http, "Sign out?", $"""
            <h1>Sign out?</h1>
            <p>An application asked to sign you out of this account.</p>
            <form method="post" action="/api/oauth/end-session">
            {Antiforgery(antiforgery, http)}
            {hidden}
            {Hidden("confirm", "yes")}
            <button type="submit">Sign out</button>
            </form>
            """);
    }
}
