using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Core.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using static Latchkey.Pages.Html;

namespace Latchkey.Pages;

/// <summary><c>/login</c>: password sign-in for the hosted flows; on success the browser goes back to <c>return_url</c>.</summary>
internal static class LoginPage
{
    /// <summary>Maps the page; returns the form POST so the host can attach its rate limit.</summary>
    public static IEndpointConventionBuilder MapLoginPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(HostedPages.Login, Show);
        return app.MapPost(HostedPages.Login, Submit);
    }

    private static IResult Show(string? return_url, string? login_hint, string? done, IAntiforgery antiforgery, IOptions<PagesOptions> pages, HttpContext http) =>
        done == "1"
            ? Page(http, "Signed in", "<h1>You are signed in</h1><p>You can close this page.</p>")
            : Form(http, antiforgery, pages.Value, return_url, login_hint, null);

    private static async Task<IResult> Submit(
        IAntiforgery antiforgery, PasswordSignInService signIn, SessionCookie cookie, IOptions<PagesOptions> pages, HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(ct);
        string? email = form["email"], returnUrl = form["return_url"];
        if (!await antiforgery.IsRequestValidAsync(http))
            return Form(http, antiforgery, pages.Value, returnUrl, email, "The form expired. Please try again.", StatusCodes.Status400BadRequest);

        var result = await signIn.SignInAsync(email, form["password"], SessionKinds.Cookie, RequestContext.From(http), ct);
        if (!result.IsSuccess)
            return Form(http, antiforgery, pages.Value, returnUrl, email, result.Error.Message, StatusCodes.Status401Unauthorized);
        if (result.Value.Session is not { } session)
            return Form(http, antiforgery, pages.Value, returnUrl, email,
                "This account requires a second factor, which the hosted sign-in page cannot complete yet.", StatusCodes.Status401Unauthorized);
        cookie.Set(http, session.CookieSecret!, session.ExpiresAt);
        return Results.Redirect(SafeReturnUrl(returnUrl));
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, PagesOptions pages, string? returnUrl, string? email, string? error, int status = 200)
    {
        var alert = error is null ? "" : $"<p class=\"alert\" role=\"alert\">{E(error)}</p>";
        var links = (pages.RegisterUrl is { } r ? $"<p><a href=\"{E(r)}\">Create an account</a></p>" : "")
            + (pages.ForgotPasswordUrl is { } f ? $"<p><a href=\"{E(f)}\">Forgot your password?</a></p>" : "");
        var body = $"""
            <h1>Sign in</h1>
            {alert}
            <form method="post" action="{HostedPages.Login}">
            {Antiforgery(antiforgery, http)}
            {Hidden("return_url", returnUrl)}
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autocomplete="username" required value="{E(email)}" autofocus>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button>
            </form>
            {links}
            """;
        return Page(http, "Sign in", body, status);
    }
}
