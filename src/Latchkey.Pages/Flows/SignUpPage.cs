using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.OAuth;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Pages.Flows;

/// <summary>
/// <c>/sign-up</c>: create a password account (the rules shown and checked as the person types), then the
/// verification step: the link mailed to the address opens <see cref="VerifyEmailPage"/>. Closed sign-up says so.
/// </summary>
internal static class SignUpPage
{
    public static IEndpointConventionBuilder MapSignUpPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(FlowPaths.SignUp, (string? return_url, SignUpPolicy signUp, IOptions<PasswordPolicyOptions> policy, HttpContext http) =>
            signUp.IsOpen ? Form(http, policy.Value, return_url, null, null, StatusCodes.Status200OK) : Closed(http));
        return app.MapPost(FlowPaths.SignUp, Submit);
    }

    private static async Task<IResult> Submit(
        FlowForms forms, RegistrationService registration, SignUpPolicy signUp, IOptions<PasswordPolicyOptions> policy, HttpContext http,
        CancellationToken ct)
    {
        if (!signUp.IsOpen) return Closed(http);
        var (form, refused) = await forms.ReadAsync(http, FlowPaths.SignUp, ct);
        if (form is null) return refused!;
        string? email = form["email"], returnUrl = form["return_url"];
        var account = new NewAccount(email, form["password"], null, null, RedirectTo: forms.LinkTarget(FlowPaths.VerifyEmail, returnUrl));
        var result = await registration.RegisterAsync(account, RequestContext.From(http), ct);
        if (!result.IsSuccess)
            return Form(http, policy.Value, returnUrl, email, result.Error.Message, result.Error.Code switch
                {
                    AuthErrorCodes.EmailTaken => StatusCodes.Status409Conflict,
                    AuthErrorCodes.SignUpNotAllowed => StatusCodes.Status403Forbidden,
                    _ => StatusCodes.Status400BadRequest,
                });
        var user = result.Value;
        return FlowForms.CheckEmail(http, $"We sent a link to {user.Email}. Open it to verify your address, then sign in.",
        [
            new("sign-in-link", "Go to the sign-in page", FlowForms.WithReturn(HostedPages.Login, returnUrl)),
            new("resend-link", "Send the link again", FlowForms.WithReturn(VerifyEmailPage.ResendPath, returnUrl)),
        ]);
    }

    private static IResult Form(HttpContext http, PasswordPolicyOptions policy, string? returnUrl, string? email, string? error, int status) =>
        PageResults.Page<NewPasswordView>(http, new Dictionary<string, object?>
        {
            [nameof(NewPasswordView.Title)] = "Create an account",
            [nameof(NewPasswordView.Heading)] = "Create an account",
            [nameof(NewPasswordView.Action)] = FlowPaths.SignUp,
            [nameof(NewPasswordView.Button)] = "Create account",
            [nameof(NewPasswordView.Policy)] = policy,
            [nameof(NewPasswordView.AskEmail)] = true,
            [nameof(NewPasswordView.Email)] = email,
            [nameof(NewPasswordView.ReturnUrl)] = returnUrl,
            [nameof(NewPasswordView.Error)] = error,
            [nameof(NewPasswordView.Links)] = new List<PageLink> { new("sign-in-link", "I already have an account", FlowForms.WithReturn(HostedPages.Login, returnUrl)) },
        }, status, PageScripts.Password);

    private static IResult Closed(HttpContext http) =>
        MessagePage.Render(http, "Sign-up closed", "Sign-up is closed", "New accounts cannot be created here. Ask your administrator for an account.",
            [new("sign-in-link", "Go to the sign-in page", HostedPages.Login)], StatusCodes.Status403Forbidden, isError: true);
}
