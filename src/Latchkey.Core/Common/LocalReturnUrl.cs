namespace Latchkey.Core.Common;

/// <summary>
/// The one rule for where a hosted flow may send the browser back to: a path on this site, judged as a browser
/// would read it: <c>/\t/evil.test</c> and <c>/\evil.test</c> both mean <c>//evil.test</c> to a browser, another
/// host, so the characters of <see cref="UrlCharacters"/> are refused, and anything but a single leading
/// <c>/</c>. The pages' script never decides on its own; it only follows URLs the server already passed.
/// </summary>
public static class LocalReturnUrl
{
    /// <summary>Where a sign-in without a usable return URL ends: the hosted "you are signed in" page.</summary>
    public const string Default = "/login?done=1";

    public const int MaxLength = 2048;

    public static bool IsSafe(string? url)
    {
        if (url is not { Length: > 0 and <= MaxLength } || url[0] != '/') return false;
        if (url.Length > 1 && url[1] == '/') return false; // "//host" is protocol-relative
        if (!UrlCharacters.AreSafe(url)) return false;
        // Belt and braces: resolved against a placeholder origin, the URL must stay on it.
        return Uri.TryCreate(new Uri("https://return.invalid"), url, out var resolved) && resolved.Host == "return.invalid";
    }

    /// <summary><paramref name="url"/> when it is a safe local path, otherwise <see cref="Default"/>.</summary>
    public static string OrDefault(string? url) => IsSafe(url) ? url! : Default;
}
