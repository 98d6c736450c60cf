using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Latchkey.Pages.Html;

namespace Latchkey.Pages;

/// <summary>
/// <c>/oauth/error</c>: OAuth errors that cannot be sent to a verified redirect URI (unknown client, wrong
/// redirect URI) end here, shown to the user and never redirected (RFC 6749 §4.1.2.1).
/// </summary>
internal static class ErrorPage
{
    public static void MapErrorPage(this IEndpointRouteBuilder app) =>
        app.MapGet(HostedPages.Error, (string? error, string? error_description, HttpContext http) =>
            Render(http, error ?? "invalid_request", error_description ?? "The request could not be processed."));

    public static IResult Render(HttpContext http, string error, string description) =>
        Page(http, "Something went wrong", $"""
            <h1>This sign-in request cannot continue</h1>
            <p class="alert" role="alert">{E(description)}</p>
            <p>Error code: <code>{E(error)}</code></p>
            <p>Go back to the application and try again. If it keeps happening, tell the application's developer.</p>
            """, StatusCodes.Status400BadRequest);
}
