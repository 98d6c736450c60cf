using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.AspNetCore.Http;
using static Latchkey.Pages.Html;

namespace Latchkey.Pages;

/// <summary>
/// <c>/login?social=1</c>: where a social sign-in started on the sign-in page comes back. The callback adds
/// <c>error</c>, or <c>twoFactorRequired</c> with the challenge token in the URL fragment (never sent to a
/// server, never in a Referer), or nothing when the session is set. The page script keeps the authorize
/// request's return URL in sessionStorage across the round trip, since the callback's target is fixed.
/// </summary>
internal static class SocialReturn
{
    public static IResult Render(HttpContext http, LoginForm forms)
    {
        var query = http.Request.Query;
        if (query.ContainsKey("error"))
            return forms.Password(http, null, null, query["error_description"].ToString() is { Length: > 0 } d ? d : "The sign-in did not complete.",
                StatusCodes.Status401Unauthorized);
        if (query["twoFactorRequired"] == "true")
            return Page(http, "Second step", $"""
                <h1>Confirm it's you</h1>
                <form method="post" action="{SecondFactorStep.Path}" id="resume-second-factor">
                {forms.Token(http)}
                {Hidden("return_url", null)}
                {Hidden("challenge", null)}
                {Hidden("action", "resume")}
                <p role="status">This account is protected by a second factor.</p>
                <button type="submit">Continue</button>
                </form>
                <noscript><p class="alert">Turn on JavaScript to continue this sign-in.</p></noscript>
                """, script: LoginScript.Path);
        return Page(http, "Signed in", $"""
            <h1>You are signed in</h1>
            <p id="social-done" role="status">Taking you back to the application…</p>
            <p><a href="{LocalReturnUrl.Default}">Continue</a></p>
            """, script: LoginScript.Path);
    }
}
