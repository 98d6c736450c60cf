using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Layout;

/// <summary>
/// The hosted pages' answers to input they cannot use: always an HTML page in the layout, with a 4xx status and a
/// way forward, never JSON (a browser shows it to a person). The host also routes the framework's own refusals on
/// page paths (malformed or oversized forms, control characters, wrong method) here through <see cref="Write"/>.
/// </summary>
public static class PageErrors
{
    public const string FormExpired = "The form expired. Please try again.";
    public const string FormExpiredSignIn = "The form expired. Please sign in again.";

    /// <summary>A POST that is not an HTML form.</summary>
    public static IResult NotAForm(HttpContext http) => Problem(http, StatusCodes.Status415UnsupportedMediaType, "This page only accepts its own form.");

    public static IResult Problem(HttpContext http, int status, string message) =>
        MessagePage.Render(http, "Something went wrong", "This request cannot be used", message,
            [new("sign-in-link", "Go to the sign-in page", HostedPages.Login)], status, isError: true);

    /// <summary>Writes the error page for a refusal made outside an endpoint (the host's input checks).</summary>
    public static Task Write(HttpContext http, int status, string message) => Problem(http, status, message).ExecuteAsync(http);
}
