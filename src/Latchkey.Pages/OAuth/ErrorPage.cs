using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Latchkey.Pages.Layout;

namespace Latchkey.Pages.OAuth;

/// <summary>
/// <c>/oauth/error</c>: OAuth errors that cannot be sent to a verified redirect URI (unknown client, wrong
/// redirect URI) end here, shown to the user and never redirected (RFC 6749 §4.1.2.1). Anyone can link to this
/// page with any query, so it shows only text of its own, looked up by error code in <see cref="ErrorTexts"/>:
/// a crafted <c>error_description</c> ("call this number for support") never appears on the server's page.
/// </summary>
internal static class ErrorPage
{
    public static void MapErrorPage(this IEndpointRouteBuilder app) =>
        app.MapGet(HostedPages.Error, (string? error, HttpContext http) =>
        {
            var code = error is not null && ErrorTexts.ContainsKey(error) ? error : UnknownCode;
            return Render(http, code, ErrorTexts[code]);
        });

    private const string UnknownCode = "invalid_request";

    /// <summary>The OAuth 2.0 / OIDC error codes this server sends to the page, each with the page's own words.</summary>
    internal static readonly IReadOnlyDictionary<string, string> ErrorTexts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["invalid_request"] = "The application sent a request this server cannot process (for example a redirect address it never registered).",
        ["unauthorized_client"] = "This application is not allowed to sign you in this way.",
        ["invalid_client"] = "This server does not know the application that sent you here.",
        ["access_denied"] = "The sign-in was cancelled or refused.",
        ["unsupported_response_type"] = "The application asked for a kind of answer this server does not give.",
        ["invalid_scope"] = "The application asked for access this server does not grant.",
        ["server_error"] = "Something went wrong on this server. Please try again later.",
        ["temporarily_unavailable"] = "This server is busy. Please try again in a moment.",
        ["login_required"] = "You need to sign in to continue.",
        ["consent_required"] = "Your permission is needed to continue.",
        ["interaction_required"] = "This sign-in needs you to take part; start again from the application.",
    };

    /// <summary>Renders an error the server itself describes (never text taken from a URL).</summary>
    public static IResult Render(HttpContext http, string error, string description) =>
        PageResults.Page<OAuthErrorView>(http, new Dictionary<string, object?>
        {
            [nameof(OAuthErrorView.Error)] = error,
            [nameof(OAuthErrorView.Description)] = description,
        }, StatusCodes.Status400BadRequest);
}
