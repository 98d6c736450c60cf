using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Latchkey.Pages.Layout;

namespace Latchkey.Pages.OAuth;

/// <summary><c>/logout</c>: asks before an RP-initiated logout that carried no proof of the user, and confirms it afterwards.</summary>
internal static class LogoutPage
{
    private static readonly string[] Forwarded = ["id_token_hint", "client_id", "post_logout_redirect_uri", "state"];

    public static void MapLogoutPage(this IEndpointRouteBuilder app) => app.MapGet(HostedPages.Logout, Show);

    private static IResult Show(string? done, HttpContext http)
    {
        if (done == "1") return MessagePage.Render(http, "Signed out", "You are signed out", "You can close this page.", []);
        var forwarded = Forwarded.Select(name => new KeyValuePair<string, string>(name, http.Request.Query[name].ToString()))
            .Where(p => p.Value.Length > 0).ToList();
        return PageResults.Page<LogoutView>(http, new Dictionary<string, object?> { [nameof(LogoutView.Forwarded)] = forwarded });
    }
}
