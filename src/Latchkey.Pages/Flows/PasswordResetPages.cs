using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.OAuth;
using Latchkey.Core.Verification;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Latchkey.Pages.Flows;

/// <summary>
/// <c>/forgot-password</c> mails a reset link (the same answer whether the address has an account);
/// <c>/reset-password</c>, where the link lands, sets the new password under the policy, which signs every
/// session of the account out; the person then signs in with it.
/// </summary>
internal static class PasswordResetPages
{
    /// <summary>A Nhost link redeemed by <c>/v1/verify</c> arrives with <c>ticket=passwordReset:…</c> instead of <c>token</c>.</summary>
    private const string NhostTicketPrefix = "passwordReset:";

    public static IEnumerable<IEndpointConventionBuilder> MapPasswordResetPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(FlowPaths.ForgotPassword, (string? return_url, string? email, HttpContext http) => ForgotForm(http, return_url, email, null, StatusCodes.Status200OK));
        app.MapGet(FlowPaths.ResetPassword, ShowReset);
        yield return app.MapPost(FlowPaths.ForgotPassword, Forgot);
        yield return app.MapPost(FlowPaths.ResetPassword, Reset);
    }

    private static async Task<IResult> Forgot(FlowForms forms, PasswordResetService resets, HttpContext http, CancellationToken ct)
    {
        var (form, refused) = await forms.ReadAsync(http, FlowPaths.ForgotPassword, ct);
        if (form is null) return refused!;
        string? email = form["email"], returnUrl = form["return_url"];
        var result = await resets.RequestAsync(email, forms.LinkTarget(FlowPaths.ResetPassword, returnUrl), RequestContext.From(http), ct);
        if (!result.IsSuccess) return ForgotForm(http, returnUrl, email, result.Error.Message, StatusCodes.Status400BadRequest);
        return FlowForms.CheckEmail(http, "If an account uses this address, we have sent it a link to choose a new password.",
            [new("sign-in-link", "Back to sign in", FlowForms.WithReturn(HostedPages.Login, returnUrl))]);
    }

    private static async Task<IResult> ShowReset(string? token, string? ticket, string? return_url, PasswordResetService resets,
        IOptions<PasswordPolicyOptions> policy, HttpContext http, CancellationToken ct)
    {
        token = string.IsNullOrEmpty(token) && ticket?.StartsWith(NhostTicketPrefix, StringComparison.Ordinal) == true ? ticket[NhostTicketPrefix.Length..] : token;
        if (!(await resets.ValidateAsync(token, ct)).IsSuccess) return Spent(http, return_url);
        return ResetForm(http, policy.Value, token!, return_url, null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> Reset(FlowForms forms, PasswordResetService resets, IOptions<PasswordPolicyOptions> policy, HttpContext http,
        CancellationToken ct)
    {
        var (form, refused) = await forms.ReadAsync(http, FlowPaths.ForgotPassword, ct);
        if (form is null) return refused!;
        string? token = form["token"], returnUrl = form["return_url"];
        var result = await resets.ResetAsync(token, form["password"], RequestContext.From(http), ct);
        if (result.IsSuccess)
            return MessagePage.Render(http, "Password changed", "Your password was changed",
                "You were signed out everywhere. Sign in with your new password.",
                [new("sign-in-link", "Sign in", FlowForms.WithReturn(HostedPages.Login, returnUrl))]);
        return result.Error.Code == AuthErrorCodes.InvalidToken
            ? Spent(http, returnUrl)
            : ResetForm(http, policy.Value, token ?? "", returnUrl, result.Error.Message, StatusCodes.Status400BadRequest);
    }

    private static IResult Spent(HttpContext http, string? returnUrl) =>
        FlowForms.Spent(http, "This reset link cannot be used",
            new("forgot-password-link", "Send me a new link", FlowForms.WithReturn(FlowPaths.ForgotPassword, returnUrl)));

    private static IResult ForgotForm(HttpContext http, string? returnUrl, string? email, string? error, int status) =>
        PageResults.Page<EmailFormView>(http, new Dictionary<string, object?>
        {
            [nameof(EmailFormView.Title)] = "Forgot your password?",
            [nameof(EmailFormView.Heading)] = "Forgot your password?",
            [nameof(EmailFormView.Intro)] = "Enter your email address and we will send you a link to choose a new password.",
            [nameof(EmailFormView.Action)] = FlowPaths.ForgotPassword,
            [nameof(EmailFormView.Buttons)] = new List<FormButton> { new("send", "send", "Send the link") },
            [nameof(EmailFormView.Email)] = email,
            [nameof(EmailFormView.ReturnUrl)] = returnUrl,
            [nameof(EmailFormView.Error)] = error,
            [nameof(EmailFormView.Links)] = new List<PageLink> { new("sign-in-link", "Back to sign in", FlowForms.WithReturn(HostedPages.Login, returnUrl)) },
        }, status);

    private static IResult ResetForm(HttpContext http, PasswordPolicyOptions policy, string token, string? returnUrl, string? error, int status) =>
        PageResults.Page<NewPasswordView>(http, new Dictionary<string, object?>
        {
            [nameof(NewPasswordView.Title)] = "Choose a new password",
            [nameof(NewPasswordView.Heading)] = "Choose a new password",
            [nameof(NewPasswordView.Action)] = FlowPaths.ResetPassword,
            [nameof(NewPasswordView.Button)] = "Set password",
            [nameof(NewPasswordView.Policy)] = policy,
            [nameof(NewPasswordView.Token)] = token,
            [nameof(NewPasswordView.ReturnUrl)] = returnUrl,
            [nameof(NewPasswordView.Error)] = error,
        }, status, PageScripts.Password);
}
