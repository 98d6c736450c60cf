namespace Latchkey.Core.Verification;

/// <summary>
/// The server's own pages that links open when the caller gives no <c>redirectTo</c>. A page reads
/// <c>token</c> (and <c>type</c>) from the query and posts it to the API.
/// </summary>
public static class LinkPages
{
    public const string VerifyEmail = "/verify-email";
    public const string ResetPassword = "/reset-password";
    public const string VerifyEmailChange = "/verify-email-change";
    public const string MagicLink = "/magic-link";
}
