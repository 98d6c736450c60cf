using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.SignIn;

/// <summary>
/// <c>/login?done=1</c>: where a hosted sign-in with no return URL ends (<see cref="LocalReturnUrl.Default"/>). It says
/// who is signed in, offers to sign out (the confirmed end-session form, so no link alone signs anyone out) and
/// leads on to the operator's application when <see cref="PagesOptions.HomeUrl"/> is set; a visitor without a
/// session is offered the sign-in form instead.
/// </summary>
internal static class SignedInPage
{
    public static async Task<IResult> RenderAsync(LoginForm forms, HttpContext http, CancellationToken ct)
    {
        var browser = await forms.Browsers.ReadAsync(http, ct);
        var user = browser is null ? null : await forms.Users.FindByIdAsync(browser.UserId, ct);
        if (user is null)
            return MessagePage.Render(http, "Not signed in", "You are not signed in", null, [new("sign-in-link", "Sign in", HostedPages.Login)]);
        return PageResults.Page<SignedInView>(http, new Dictionary<string, object?>
        {
            [nameof(SignedInView.Email)] = user.Email,
            [nameof(SignedInView.HomeUrl)] = forms.Options.Value.HomeUrl,
        });
    }
}
