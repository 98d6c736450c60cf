namespace Latchkey.Core.Common;

/// <summary>
/// The one character rule for a URL the browser is sent to, local return path or absolute redirect alike.
/// Browsers strip tabs and newlines anywhere in a URL, trim leading and trailing spaces and controls, and treat
/// <c>\</c> as <c>/</c>, so such characters can turn a URL that looks allowed into another host. Rather than
/// normalise them, a URL holding any control or whitespace character, a backslash, or an invisible zero-width
/// space or byte-order mark is refused.
/// </summary>
public static class UrlCharacters
{
    public static bool AreSafe(ReadOnlySpan<char> url)
    {
        foreach (var c in url)
            if (c <= ' ' || c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF') return false;
        return true;
    }
}
