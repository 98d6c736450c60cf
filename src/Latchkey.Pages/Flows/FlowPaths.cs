using Latchkey.Core.Verification;

namespace Latchkey.Pages.Flows;

/// <summary>
/// Where the hosted pages of the emailed flows live. The landing pages of emailed links are the core's
/// <see cref="LinkPages"/>: every link the server mails without an application URL opens one of them.
/// </summary>
public static class FlowPaths
{
    public const string SignUp = "/sign-up";
    public const string ForgotPassword = "/forgot-password";
    public const string EmailSignIn = "/login/email";
    public const string EmailCode = "/login/email-code";
    public const string ResetPassword = LinkPages.ResetPassword;
    public const string VerifyEmail = LinkPages.VerifyEmail;
    public const string VerifyEmailChange = LinkPages.VerifyEmailChange;
    public const string MagicLink = LinkPages.MagicLink;

    /// <summary>Every path the pages own, for the host's error routing (an HTML page, not JSON, for a bad request there).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Core.OAuth.HostedPages.Login, Core.OAuth.HostedPages.Consent, Core.OAuth.HostedPages.Device, Core.OAuth.HostedPages.Logout,
        Core.OAuth.HostedPages.Error, SignUp, ForgotPassword, ResetPassword, VerifyEmail, VerifyEmailChange, MagicLink,
    ];
}
