using Latchkey.Core.Common;

namespace Latchkey.Pages.SignIn;

/// <summary>
/// What the sign-in page says when a social sign-in comes back with an <c>error</c> code. The text is chosen
/// here by code, never taken from the URL: <c>error_description</c> in a link is whatever its author wrote, and
/// showing it on our own page would let anyone put words ("call this number") under our branding.
/// </summary>
internal static class SocialErrorMessages
{
    private const string Fallback = "The sign-in did not complete. Please try again.";

    private static readonly Dictionary<string, string> ByCode = new(StringComparer.Ordinal)
    {
        [AuthErrorCodes.AccessDenied] = "The sign-in was cancelled at the provider.",
        [AuthErrorCodes.AccountDisabled] = "This account is disabled.",
        [AuthErrorCodes.EmailRequired] = "The provider did not share an email address. Sign in another way, then connect the provider from your account.",
        [AuthErrorCodes.IdentityInUse] = "This provider account is already connected to another account.",
        [AuthErrorCodes.LinkRequired] = "An account already uses this email. Sign in to it first, then connect the provider from your account.",
        [AuthErrorCodes.InvalidState] = "The sign-in took too long or was started in another browser. Please start again.",
        [AuthErrorCodes.UpstreamError] = "The sign-in provider could not be reached. Please try again later.",
        [AuthErrorCodes.UnsupportedProvider] = "This sign-in provider is not enabled.",
        [AuthErrorCodes.InvalidIdToken] = "The provider's answer could not be verified. Please try again.",
    };

    public static string For(string? code) => code is not null && ByCode.TryGetValue(code, out var message) ? message : Fallback;
}
