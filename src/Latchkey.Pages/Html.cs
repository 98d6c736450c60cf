using System.Text;
using System.Text.Encodings.Web;
using Latchkey.Core.Common;
using Latchkey.Core.Settings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Pages;

/// <summary>
/// The page shell: one small stylesheet (nonce-allowed), a viewport for phones, landmarks and labels for
/// screen readers. No inline script ever: the sign-in page loads its one script file by nonce, and only it may
/// fetch (connect-src 'self'). Every page forbids framing (CSP frame-ancestors and X-Frame-Options) and caching.
/// </summary>
internal static class Html
{
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static IResult Page(HttpContext http, string title, string body, int status = StatusCodes.Status200OK, string? script = null)
    {
        var nonce = RandomSecrets.Base64Url(16);
        var headers = http.Response.Headers;
        var scripting = script is null ? "" : $"script-src 'nonce-{nonce}'; connect-src 'self'; ";
        headers.ContentSecurityPolicy = $"default-src 'none'; {scripting}style-src 'nonce-{nonce}'; img-src https: data:; frame-ancestors 'none'; base-uri 'none'";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
        var (product, brand) = Branding(http);
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}} · {{E(product)}}</title>
            <style nonce="{{nonce}}">
            body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1d21}
            main{max-width:26rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px #0002}
            h1{font-size:1.4rem;margin-top:0}label{display:block;margin-top:1rem;font-weight:600}
            input[type=email],input[type=password],input[type=text]{width:100%;box-sizing:border-box;padding:.7rem;font-size:1rem;border:1px solid #767a83;border-radius:.3rem}
            button{margin-top:1.2rem;padding:.75rem 1rem;font-size:1rem;border-radius:.3rem;border:0;background:{{brand.SafeAccent}};color:#fff;width:100%;cursor:pointer}
            button.secondary{background:#e5e7eb;color:#1b1d21}
            button:focus,input:focus,a:focus{outline:3px solid #f59e0b;outline-offset:2px}
            .alert{padding:.75rem;border-radius:.3rem;background:#fde8e8;color:#7f1d1d}.ok{background:#e7f6ec;color:#14532d}
            ul.scopes{padding-left:1.2rem}img.logo{max-width:64px;max-height:64px}a{color:{{brand.SafeAccent}}}
            select{width:100%;padding:.6rem;font-size:1rem;border:1px solid #767a83;border-radius:.3rem}
            [hidden]{display:none!important}.or{text-align:center;margin:1.2rem 0 0;color:#4b5059}
            </style>
            {{(script is null ? "" : $"<script nonce=\"{nonce}\" src=\"{E(script)}\" defer></script>")}}
            </head>
            <body><main>{{(brand.LogoUrl is not { Length: > 0 } ? "" : $"<img class=\"logo\" src=\"{E(brand.LogoUrl)}\" alt=\"{E(product)}\">")}}{{body}}</main></body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The product name and branding, live: administrators change them at run time (the accent colour is validated as #hex there).</summary>
    private static (string Product, BrandingOptions Brand) Branding(HttpContext http) =>
        (http.RequestServices.GetRequiredService<IOptions<LatchkeyOptions>>().Value.ProductName,
         http.RequestServices.GetRequiredService<IOptions<BrandingOptions>>().Value);

    /// <summary>The hidden antiforgery field (its cookie is set on this response).</summary>
    public static string Antiforgery(IAntiforgery antiforgery, HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Hidden(tokens.FormFieldName, tokens.RequestToken);
    }

    public static string Hidden(string name, string? value) => $"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">";

    /// <summary>Only same-site paths are followed after sign-in: no open redirect through return_url (<see cref="LocalReturnUrl"/>).</summary>
    public static string SafeReturnUrl(string? url) => LocalReturnUrl.OrDefault(url);
}
