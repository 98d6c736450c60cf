using System.Text;
using System.Text.Encodings.Web;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Api.OAuth;

/// <summary>Answers of the front channel: to the client's redirect URI (query or form_post) or to our error page.</summary>
public static class OAuthResults
{
    /// <summary>Errors that must not go to an unverified redirect URI are shown on the hosted error page.</summary>
    public static IResult ErrorPage(string error, string description) =>
        Results.Redirect($"{HostedPages.Error}?error={Uri.EscapeDataString(error)}&error_description={Uri.EscapeDataString(description)}");

    public static IResult Failure(AuthorizationFailure failure, string issuer) =>
        failure.RedirectUri is null
            ? ErrorPage(failure.Error, failure.Description)
            : ToClient(failure.RedirectUri, failure.ResponseMode,
                [new("error", failure.Error), new("error_description", failure.Description), new("state", failure.State), new("iss", issuer)]);

    public static IResult Code(AuthorizationRequest request, string code, string issuer) =>
        ToClient(request.RedirectUri, request.ResponseMode, [new("code", code), new("state", request.State), new("iss", issuer)]);

    /// <summary>
    /// The response with <c>iss</c> (RFC 9207). Query mode appends to the redirect URI; form_post (OAuth 2.0
    /// Form Post Response Mode) answers a page that posts the values, so they stay out of URLs and logs.
    /// </summary>
    private static IResult ToClient(string redirectUri, string mode, IReadOnlyList<KeyValuePair<string, string?>> values)
    {
        var present = values.Where(v => v.Value is not null).ToList();
        if (mode == ResponseModes.FormPost) return new FormPostResult(redirectUri, present);
        var query = string.Join('&', present.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value!)}"));
        return Results.Redirect(redirectUri + (redirectUri.Contains('?') ? "&" : "?") + query);
    }

    private sealed class FormPostResult(string action, IReadOnlyList<KeyValuePair<string, string?>> values) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            var nonce = RandomSecrets.Base64Url(16);
            var html = HtmlEncoder.Default;
            var body = new StringBuilder();
            body.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Continue</title></head><body>");
            body.Append($"<form method=\"post\" action=\"{html.Encode(action)}\">");
            foreach (var (name, value) in values) body.Append($"<input type=\"hidden\" name=\"{html.Encode(name)}\" value=\"{html.Encode(value!)}\">");
            body.Append("<noscript><button type=\"submit\">Continue</button></noscript></form>");
            body.Append($"<script nonce=\"{nonce}\">document.forms[0].submit();</script></body></html>");
            http.Response.Headers.ContentSecurityPolicy = $"default-src 'none'; script-src 'nonce-{nonce}'; frame-ancestors 'none'; base-uri 'none'";
            http.Response.ContentType = "text/html; charset=utf-8";
            return http.Response.WriteAsync(body.ToString(), http.RequestAborted);
        }
    }
}
