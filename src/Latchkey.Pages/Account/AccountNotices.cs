namespace Latchkey.Pages.Account;

/// <summary>
/// The notices a section shows after a change (<c>?done=key</c>). A fixed list, so the query string cannot put
/// words of its own on the page.
/// </summary>
internal static class AccountNotices
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["profile"] = "Your profile was saved.",
        ["preferences"] = "Your preferences were saved.",
        ["avatar"] = "Your picture was changed.",
        ["avatar-removed"] = "Your picture was removed.",
        ["email"] = "We sent a link to the new address. Your sign-in address changes when you open it.",
        ["phone"] = "Your phone number was changed and verified.",
        ["password"] = "Your password was changed. Your other sessions were signed out.",
        ["two-factor-off"] = "The method was turned off.",
        ["passkey"] = "The passkey was removed. It no longer signs you in.",
        ["passkey-added"] = "The passkey was added. You can sign in with it now.",
        ["passkey-renamed"] = "The passkey was renamed.",
        ["session"] = "The session was signed out.",
        ["sessions"] = "Your other sessions were signed out.",
        ["linked"] = "The service was linked. You can sign in with it now.",
        ["connection"] = "The service was unlinked. It no longer signs you in.",
        ["app"] = "The application's access was revoked.",
        ["api-key"] = "The API key was revoked.",
        ["elevated"] = "Thank you. You can make the change now.",
    };

    public static string? For(string? key) => key is not null && Texts.TryGetValue(key, out var text) ? text : null;
}
