using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Pages.Layout;

/// <summary>
/// Answers with a page: a Razor component rendered on the server (static SSR, no circuit) inside
/// <see cref="HostedLayout"/>. Every page forbids framing (CSP frame-ancestors and X-Frame-Options) and caching;
/// its CSP allows no inline script at all, only the page's own script file and stylesheet by nonce, and only a
/// page with a script may fetch (connect-src 'self').
/// </summary>
public static class PageResults
{
    public static IResult Page<TView>(HttpContext http, object? parameters = null, int status = StatusCodes.Status200OK, string? script = null)
        where TView : IComponent
    {
        var page = http.RequestServices.GetRequiredService<PageContext>();
        page.Http = http;
        page.Script = script;
        var headers = http.Response.Headers;
        var scripting = script is null ? "" : $"script-src 'nonce-{page.Nonce}'; connect-src 'self'; ";
        headers.ContentSecurityPolicy = $"default-src 'none'; {scripting}style-src 'nonce-{page.Nonce}'; img-src 'self' https: data:; "
            + "frame-ancestors 'none'; base-uri 'none'";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
        return new RazorComponentResult<TView>(parameters ?? new Dictionary<string, object?>())
        {
            StatusCode = status,
            ContentType = "text/html; charset=utf-8",
        };
    }
}
