namespace Latchkey.Core.Common;

/// <summary>
/// The one rule for where a hosted flow may send the browser back to: a path on this site, judged as a browser
/// would read it. Browsers strip tabs and newlines anywhere in a URL, trim leading and trailing spaces and
/// controls, and treat <c>\</c> as <c>/</c>, so <c>/\t/evil.test</c> and <c>/\evil.test</c> both mean
/// <c>//evil.test</c>, another host. Rather than normalise such input the rule refuses it: any control or
/// whitespace character, any backslash, anything but a single leading <c>/</c>. The pages' script never
/// decides on its own; it only follows URLs the server already passed through this rule.
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
        foreach (var c in url)
            if (c <= ' ' || c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF') return false;
        // Belt and braces: resolved against a placeholder origin, the URL must stay on it.
        return Uri.TryCreate(new Uri("https://return.invalid"), url, out var resolved) && resolved.Host == "return.invalid";
    }

    /// <summary><paramref name="url"/> when it is a safe local path, otherwise <see cref="Default"/>.</summary>
    public static string OrDefault(string? url) => IsSafe(url) ? url! : Default;
}
