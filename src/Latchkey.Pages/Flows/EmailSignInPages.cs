using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Core.Sessions;
using Latchkey.Core.Verification;
using Latchkey.Pages.Layout;
using Latchkey.Pages.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Flows;

/// <summary>
/// Passwordless sign-in by email: <c>/login/email</c> sends a magic link or a code (the same answer whatever the
/// address); <c>/magic-link</c>, where the link lands, signs in when the button is pressed; <c>/login/email-code</c>
/// takes the code. Both end like the password form: the session cookie and the return URL, or the second factor.
/// </summary>
internal static class EmailSignInPages
{
    private static readonly List<FormButton> Choices =
    [
        new("send-link", "link", "Email me a sign-in link"),
        new("send-code", "code", "Email me a code"),
    ];

    public static IEnumerable<IEndpointConventionBuilder> MapEmailSignInPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(FlowPaths.EmailSignIn, (string? return_url, string? email, HttpContext http) => RequestForm(http, return_url, email, null, StatusCodes.Status200OK));
        app.MapGet(FlowPaths.MagicLink, (string? token, string? return_url, string? error, HttpContext http) =>
            LinkLanding.Show(http, token, return_url, error, null, new LinkLanding("Sign in", "Sign in with your link",
                "Press the button to sign in on this device.", FlowPaths.MagicLink, "Sign in"), () => Spent(http, return_url), () => Spent(http, return_url)));
        yield return app.MapPost(FlowPaths.EmailSignIn, Send);
        yield return app.MapPost(FlowPaths.MagicLink, SignInWithLink);
        yield return app.MapPost(FlowPaths.EmailCode, SignInWithCode);
    }

    private static async Task<IResult> Send(FlowForms forms, PasswordlessRequestService send, HttpContext http, CancellationToken ct)
    {
        var (form, refused) = await forms.ReadAsync(http, FlowPaths.EmailSignIn, ct);
        if (form is null) return refused!;
        string? email = form["email"], returnUrl = form["return_url"];
        var byCode = form["action"] == "code";
        var result = byCode
            ? await send.SendEmailCodeAsync(email, RequestContext.From(http), ct)
            : await send.SendMagicLinkAsync(email, forms.LinkTarget(FlowPaths.MagicLink, returnUrl), RequestContext.From(http), ct);
        if (!result.IsSuccess) return RequestForm(http, returnUrl, email, result.Error.Message, StatusCodes.Status400BadRequest);
        if (byCode) return CodeForm(http, email!, returnUrl, null, StatusCodes.Status200OK);
        return FlowForms.CheckEmail(http, "If this address can sign in here, we have sent it a sign-in link. Open it on this device.",
            [new("sign-in-link", "Back to sign in", FlowForms.WithReturn(HostedPages.Login, returnUrl))]);
    }

    private static async Task<IResult> SignInWithLink(FlowForms forms, PasswordlessSignInService signIn, LoginForm login, HttpContext http, CancellationToken ct)
    {
        var (form, refused) = await forms.ReadAsync(http, FlowPaths.EmailSignIn, ct);
        if (form is null) return refused!;
        string? returnUrl = form["return_url"];
        var result = await signIn.MagicLinkAsync(form["token"], SessionKinds.Cookie, RequestContext.From(http), ct);
        if (result.IsSuccess) return login.SignedIn(http, result.Value, returnUrl);
        return result.Error.Code == AuthErrorCodes.InvalidToken
            ? Spent(http, returnUrl)
            : PageErrors.Problem(http, StatusCodes.Status403Forbidden, result.Error.Message);
    }

    private static async Task<IResult> SignInWithCode(FlowForms forms, PasswordlessSignInService signIn, LoginForm login, HttpContext http, CancellationToken ct)
    {
        var (form, refused) = await forms.ReadAsync(http, FlowPaths.EmailSignIn, ct);
        if (form is null) return refused!;
        string? email = form["email"], returnUrl = form["return_url"];
        var result = await signIn.EmailCodeAsync(email, form["code"], SessionKinds.Cookie, RequestContext.From(http), ct);
        if (result.IsSuccess) return login.SignedIn(http, result.Value, returnUrl);
        return result.Error.Code == AuthErrorCodes.InvalidCode
            ? CodeForm(http, email ?? "", returnUrl, result.Error.Message, StatusCodes.Status401Unauthorized)
            : RequestForm(http, returnUrl, email, result.Error.Message, StatusCodes.Status400BadRequest);
    }

    private static IResult Spent(HttpContext http, string? returnUrl) =>
        FlowForms.Spent(http, "This sign-in link cannot be used",
            new("email-sign-in-link", "Send me a new link", FlowForms.WithReturn(FlowPaths.EmailSignIn, returnUrl)));

    private static IResult RequestForm(HttpContext http, string? returnUrl, string? email, string? error, int status) =>
        PageResults.Page<EmailFormView>(http, new Dictionary<string, object?>
        {
            [nameof(EmailFormView.Title)] = "Sign in by email",
            [nameof(EmailFormView.Heading)] = "Sign in by email",
            [nameof(EmailFormView.Intro)] = "We can email you a link that signs you in, or a code to type here. No password needed.",
            [nameof(EmailFormView.Action)] = FlowPaths.EmailSignIn,
            [nameof(EmailFormView.Buttons)] = Choices,
            [nameof(EmailFormView.Email)] = email,
            [nameof(EmailFormView.ReturnUrl)] = returnUrl,
            [nameof(EmailFormView.Error)] = error,
            [nameof(EmailFormView.Links)] = new List<PageLink> { new("sign-in-link", "Sign in with a password", FlowForms.WithReturn(HostedPages.Login, returnUrl)) },
        }, status);

    private static IResult CodeForm(HttpContext http, string email, string? returnUrl, string? error, int status) =>
        PageResults.Page<EmailCodeView>(http, new Dictionary<string, object?>
        {
            [nameof(EmailCodeView.Email)] = email,
            [nameof(EmailCodeView.ReturnUrl)] = returnUrl,
            [nameof(EmailCodeView.Error)] = error,
            [nameof(EmailCodeView.Links)] = new List<PageLink> { new("email-sign-in-link", "Send a new code", FlowForms.WithReturn(FlowPaths.EmailSignIn, returnUrl)) },
        }, status);
}
