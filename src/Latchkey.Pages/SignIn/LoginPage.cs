using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Core.Sessions;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.SignIn;

/// <summary>
/// <c>/login</c>: password, passkey and social sign-in for the hosted flows; on success the browser goes back to
/// <c>return_url</c>. An account with a second factor continues on <see cref="SecondFactorStep"/>.
/// </summary>
internal static class LoginPage
{
    /// <summary>Maps the page; returns the form POSTs so the host can attach its rate limit.</summary>
    public static IEnumerable<IEndpointConventionBuilder> MapLoginPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(HostedPages.Login, Show);
        app.MapGet(ContinuePath, (string? to) => Results.Redirect(LocalReturnUrl.OrDefault(to)));
        yield return app.MapPost(HostedPages.Login, Submit);
        yield return app.MapPost(SecondFactorStep.Path, SecondFactorStep.Submit);
    }

    /// <summary>
    /// Where the page script sends a return URL it kept across a social round trip: the server, not the script,
    /// decides whether it may be followed (<see cref="LocalReturnUrl"/>).
    /// </summary>
    public const string ContinuePath = "/login/continue";

    private static Task<IResult> Show(string? return_url, string? login_hint, string? done, string? social, LoginForm form, HttpContext http,
        CancellationToken ct) =>
        done == "1" ? SignedInPage.RenderAsync(form, http, ct)
        : Task.FromResult(social == "1" ? SocialReturn.Render(http, form) : form.Password(http, return_url, login_hint, null));

    private static async Task<IResult> Submit(
        IAntiforgery antiforgery, PasswordSignInService signIn, SessionCookie cookie, LoginForm forms, HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return PageErrors.NotAForm(http);
        var form = await http.Request.ReadFormAsync(ct);
        string? email = form["email"], returnUrl = form["return_url"];
        if (!await antiforgery.IsRequestValidAsync(http))
            return forms.Password(http, returnUrl, email, PageErrors.FormExpired, StatusCodes.Status400BadRequest);

        var result = await signIn.SignInAsync(email, form["password"], SessionKinds.Cookie, RequestContext.From(http), ct);
        if (!result.IsSuccess)
            return forms.Password(http, returnUrl, email, result.Error.Message,
                result.Error.Code == AuthErrorCodes.RateLimited ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized);
        return forms.SignedIn(http, result.Value, returnUrl);
    }
}
