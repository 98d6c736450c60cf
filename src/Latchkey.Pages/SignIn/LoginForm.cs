using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Core.Sessions;
using Latchkey.Core.Social;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Pages.SignIn;

/// <summary>The steps of a hosted sign-in, shared by every way in (password, magic link, email code, social).</summary>
internal sealed class LoginForm(IOptions<PagesOptions> pages, SignUpPolicy signUp, SocialProviderRegistry social, RedirectAllowList redirects,
    SessionCookie cookie, BrowserSessionReader browsers, IUserStore users)
{
    public IOptions<PagesOptions> Options => pages;

    public BrowserSessionReader Browsers => browsers;

    public IUserStore Users => users;

    public IResult Password(HttpContext http, string? returnUrl, string? email, string? error, int status = StatusCodes.Status200OK) =>
        PageResults.Page<LoginView>(http, new Dictionary<string, object?>
        {
            [nameof(LoginView.ReturnUrl)] = returnUrl,
            [nameof(LoginView.Email)] = email,
            [nameof(LoginView.Error)] = error,
            [nameof(LoginView.Providers)] = social.EnabledNames.ToList(),
            [nameof(LoginView.SocialReturnUrl)] = redirects.SocialReturnUrl,
            [nameof(LoginView.Links)] = Links(returnUrl),
        }, status, PageScripts.Login);

    public IResult Code(HttpContext http, TwoFactorChallenge challenge, string? returnUrl, string? error, string? notice, int status = StatusCodes.Status200OK) =>
        SecondFactorStep.Render(http, challenge, returnUrl, error, notice, status);

    /// <summary>A first step that succeeded: the session cookie and the return URL, or the second-factor step.</summary>
    public IResult SignedIn(HttpContext http, SignInOutcome outcome, string? returnUrl)
    {
        if (outcome.Challenge is { } challenge) return Code(http, challenge, returnUrl, null, null);
        var session = outcome.Session!;
        cookie.Set(http, session.CookieSecret!, session.ExpiresAt);
        return Results.Redirect(LocalReturnUrl.OrDefault(returnUrl));
    }

    /// <summary>
    /// The sign-in page's links to the emailed flows: the operator's own pages when configured (<see cref="PagesOptions"/>),
    /// else the hosted ones; "create an account" only while sign-up is open. Each carries the return URL on.
    /// </summary>
    private List<PageLink> Links(string? returnUrl)
    {
        var back = LocalReturnUrl.IsSafe(returnUrl) ? "?return_url=" + Uri.EscapeDataString(returnUrl!) : "";
        var links = new List<PageLink>();
        if (pages.Value.RegisterUrl is { } register) links.Add(new("sign-up-link", "Create an account", register));
        else if (signUp.IsOpen) links.Add(new("sign-up-link", "Create an account", FlowPaths.SignUp + back));
        links.Add(new("forgot-password-link", "Forgot your password?", pages.Value.ForgotPasswordUrl ?? FlowPaths.ForgotPassword + back));
        links.Add(new("email-sign-in-link", "Sign in with a link or code by email", FlowPaths.EmailSignIn + back));
        return links;
    }
}
