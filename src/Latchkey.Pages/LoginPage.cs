using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Core.Sessions;
using Latchkey.Core.Social;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using static Latchkey.Pages.Html;

namespace Latchkey.Pages;

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
        app.MapGet(LoginScript.Path, LoginScript.Serve);
        app.MapGet(ContinuePath, (string? to) => Results.Redirect(SafeReturnUrl(to)));
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
        done == "1" ? form.SignedIn(http, ct)
        : Task.FromResult(social == "1" ? SocialReturn.Render(http, form) : form.Password(http, return_url, login_hint, null));

    private static async Task<IResult> Submit(
        IAntiforgery antiforgery, PasswordSignInService signIn, SessionCookie cookie, LoginForm forms, HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(ct);
        string? email = form["email"], returnUrl = form["return_url"];
        if (!await antiforgery.IsRequestValidAsync(http))
            return forms.Password(http, returnUrl, email, "The form expired. Please try again.", StatusCodes.Status400BadRequest);

        var result = await signIn.SignInAsync(email, form["password"], SessionKinds.Cookie, RequestContext.From(http), ct);
        if (!result.IsSuccess)
            return forms.Password(http, returnUrl, email, result.Error.Message,
                result.Error.Code == AuthErrorCodes.RateLimited ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized);
        if (result.Value.Challenge is { } challenge)
            return forms.Code(http, challenge, returnUrl, null, null);
        var session = result.Value.Session!;
        cookie.Set(http, session.CookieSecret!, session.ExpiresAt);
        return Results.Redirect(SafeReturnUrl(returnUrl));
    }
}

/// <summary>The forms of the sign-in page, shared by its steps.</summary>
internal sealed class LoginForm(IAntiforgery antiforgery, IOptions<PagesOptions> pages, SocialProviderRegistry social, RedirectAllowList redirects,
    BrowserSessionReader browsers, IUserStore users)
{
    public string Token(HttpContext http) => Antiforgery(antiforgery, http);

    public Task<IResult> SignedIn(HttpContext http, CancellationToken ct) => SignedInPage.Render(browsers, users, antiforgery, pages, http, ct);


    public IResult Password(HttpContext http, string? returnUrl, string? email, string? error, int status = 200)
    {
        var alert = error is null ? "" : $"<p class=\"alert\" role=\"alert\">{E(error)}</p>";
        var links = (pages.Value.RegisterUrl is { } r ? $"<p><a href=\"{E(r)}\">Create an account</a></p>" : "")
            + (pages.Value.ForgotPasswordUrl is { } f ? $"<p><a href=\"{E(f)}\">Forgot your password?</a></p>" : "");
        var providers = string.Concat(social.EnabledNames.Select(p =>
            $"<button type=\"button\" class=\"secondary\" data-provider=\"{E(p)}\">Continue with {E(ProviderLabel(p))}</button>"));
        var body = $"""
            <h1>Sign in</h1>
            {alert}
            <form method="post" action="{HostedPages.Login}">
            {Token(http)}
            {Hidden("return_url", returnUrl)}
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autocomplete="username" required value="{E(email)}" autofocus>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button>
            </form>
            <div id="alternatives" hidden data-return-url="{E(SafeReturnUrl(returnUrl))}" data-social-return="{E(redirects.SocialReturnUrl)}">
            <p class="or">or</p>
            <button type="button" id="passkey-sign-in" class="secondary">Sign in with a passkey</button>
            {providers}
            <p id="alternatives-status" class="alert" role="alert" hidden></p>
            </div>
            {links}
            """;
        return Page(http, "Sign in", body, status, LoginScript.Path);
    }

    public IResult Code(HttpContext http, TwoFactorChallenge challenge, string? returnUrl, string? error, string? notice, int status = 200) =>
        SecondFactorStep.Render(http, Token(http), challenge, returnUrl, error, notice, status);

    private static string ProviderLabel(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
