using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Core.Verification;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Flows;

/// <summary>
/// <c>/verify-email-change</c>: where the link mailed to a new address lands. Pressing the button switches the
/// account's sign-in address (the old address is told). In a browser signed in to another account the link is
/// refused rather than used up; without a session the link names its account, as the core allows.
/// </summary>
internal static class EmailChangePage
{
    public static IEndpointConventionBuilder MapEmailChangePage(this IEndpointRouteBuilder app)
    {
        app.MapGet(FlowPaths.VerifyEmailChange, (string? token, string? return_url, string? error, string? type, HttpContext http) =>
            LinkLanding.Show(http, token, return_url, error, type, new LinkLanding("Confirm your new email", "Confirm your new email address",
                "Press the button to make this address the one you sign in with.", FlowPaths.VerifyEmailChange, "Confirm the new address"),
                () => Changed(http, null), () => Spent(http)));
        return app.MapPost(FlowPaths.VerifyEmailChange, Submit);
    }

    private static async Task<IResult> Submit(FlowForms forms, EmailChangeService emailChange, BrowserSessionReader browsers, HttpContext http, CancellationToken ct)
    {
        var (form, refused) = await forms.ReadAsync(http, FlowPaths.VerifyEmailChange, ct);
        if (form is null) return refused!;
        var browser = await browsers.ReadAsync(http, ct);
        var result = await emailChange.VerifyAsync(browser?.UserId, form["token"], RequestContext.From(http), ct);
        if (result.IsSuccess) return Changed(http, result.Value.Email);
        return result.Error.Code == AuthErrorCodes.EmailTaken
            ? PageErrors.Problem(http, StatusCodes.Status409Conflict, "Another account already uses this address, so it cannot become yours.")
            : Spent(http);
    }

    private static IResult Changed(HttpContext http, string? email) =>
        MessagePage.Render(http, "Email changed", "Your email address was changed",
            email is null ? "Sign in with your new address from now on." : $"You now sign in with {email}.",
            [new("continue-link", "Continue", LocalReturnUrl.Default)]);

    private static IResult Spent(HttpContext http) =>
        FlowForms.Spent(http, "This confirmation link cannot be used", new("sign-in-link-again", "Sign in and ask for a new link", HostedPages.Login));
}
