using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Core.Verification;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Flows;

/// <summary>
/// <c>/verify-email</c>: where the verification link of a sign-up lands. Pressing the button proves the address;
/// the person then signs in (the link itself starts no session). <c>/verify-email/resend</c> mails a new link,
/// answering the same whatever the address.
/// </summary>
internal static class VerifyEmailPage
{
    public const string ResendPath = "/verify-email/resend";

    public static IEnumerable<IEndpointConventionBuilder> MapVerifyEmailPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(FlowPaths.VerifyEmail, (string? token, string? return_url, string? error, string? type, HttpContext http) =>
            LinkLanding.Show(http, token, return_url, error, type, new LinkLanding("Verify your email", "Confirm your email address",
                "Press the button to confirm that this address is yours.", FlowPaths.VerifyEmail, "Confirm my address"),
                () => Verified(http, return_url), () => Spent(http, return_url)));
        app.MapGet(ResendPath, (string? email, string? return_url, HttpContext http) => ResendForm(http, email, return_url, null, StatusCodes.Status200OK));
        yield return app.MapPost(FlowPaths.VerifyEmail, Submit);
        yield return app.MapPost(ResendPath, Resend);
    }

    private static async Task<IResult> Submit(FlowForms forms, EmailVerificationService verification, HttpContext http, CancellationToken ct)
    {
        var (form, refused) = await forms.ReadAsync(http, FlowPaths.VerifyEmail, ct);
        if (form is null) return refused!;
        string? returnUrl = form["return_url"];
        var result = await verification.VerifyAsync(form["token"], RequestContext.From(http), ct);
        return result.IsSuccess ? Verified(http, returnUrl, result.Value.Email) : Spent(http, returnUrl);
    }

    private static IResult Verified(HttpContext http, string? returnUrl, string? email = null)
    {
        var signIn = FlowForms.WithReturn(HostedPages.Login, returnUrl);
        if (email is not null) signIn += (signIn.Contains('?') ? "&" : "?") + "login_hint=" + Uri.EscapeDataString(email);
        return MessagePage.Render(http, "Email verified", "Your email address is verified",
            email is null ? "Thank you: the address is confirmed." : $"Thank you: {email} is confirmed.",
            [new("sign-in-link", "Continue to sign in", signIn)]);
    }

    private static IResult Spent(HttpContext http, string? returnUrl) =>
        FlowForms.Spent(http, "This verification link cannot be used", new("resend-link", "Send me a new link", FlowForms.WithReturn(ResendPath, returnUrl)));

    private static async Task<IResult> Resend(FlowForms forms, EmailVerificationService verification, HttpContext http, CancellationToken ct)
    {
        var (form, refused) = await forms.ReadAsync(http, ResendPath, ct);
        if (form is null) return refused!;
        string? email = form["email"], returnUrl = form["return_url"];
        var result = await verification.ResendAsync(null, email, forms.LinkTarget(FlowPaths.VerifyEmail, returnUrl), RequestContext.From(http), ct);
        if (!result.IsSuccess) return ResendForm(http, email, returnUrl, result.Error.Message, StatusCodes.Status400BadRequest);
        return FlowForms.CheckEmail(http, "If this address has an account that still needs verifying, we have sent it a new link.",
            [new("sign-in-link", "Go to the sign-in page", FlowForms.WithReturn(HostedPages.Login, returnUrl))]);
    }

    private static IResult ResendForm(HttpContext http, string? email, string? returnUrl, string? error, int status) =>
        PageResults.Page<EmailFormView>(http, new Dictionary<string, object?>
        {
            [nameof(EmailFormView.Title)] = "Verify your email",
            [nameof(EmailFormView.Heading)] = "Send a new verification link",
            [nameof(EmailFormView.Intro)] = "Enter the address you signed up with and we will send you a new link.",
            [nameof(EmailFormView.Action)] = ResendPath,
            [nameof(EmailFormView.Buttons)] = new List<FormButton> { new("send", "send", "Send the link") },
            [nameof(EmailFormView.Email)] = email,
            [nameof(EmailFormView.ReturnUrl)] = returnUrl,
            [nameof(EmailFormView.Error)] = error,
        }, status);
}
