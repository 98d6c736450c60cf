using Latchkey.Core.Common;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.SignIn;

/// <summary>
/// <c>/login?social=1</c>: where a social sign-in started on the sign-in page comes back. The callback adds
/// <c>error</c>, or <c>twoFactorRequired</c> with the challenge token in the URL fragment (never sent to a
/// server, never in a Referer), or nothing when the session is set. The page script keeps the authorize
/// request's return URL in sessionStorage across the round trip, since the callback's target is fixed. The
/// error's text comes from <see cref="SocialErrorMessages"/> by code, never from the URL.
/// </summary>
internal static class SocialReturn
{
    public static IResult Render(HttpContext http, LoginForm forms)
    {
        var query = http.Request.Query;
        if (query.ContainsKey("error"))
            return forms.Password(http, null, null, SocialErrorMessages.For(query["error"].ToString()), StatusCodes.Status401Unauthorized);
        var resume = query["twoFactorRequired"] == "true";
        return PageResults.Page<SocialReturnView>(http, new Dictionary<string, object?> { [nameof(SocialReturnView.Resume)] = resume },
            script: PageScripts.Login);
    }
}
