namespace Latchkey.Core.Common;

/// <summary>
/// Bound from <c>Latchkey:Redirects</c>: where links in emails and sign-in flows may send the browser.
/// Matching is exact (scheme, host, port, path and query), never by prefix: an open redirect turns a
/// login link into a phishing link (RFC 9700 §4.1.3).
/// </summary>
public sealed class RedirectOptions
{
    public string[] AllowedUrls { get; set; } = [];

    public bool IsAllowed(string? url) =>
        url is not null
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && AllowedUrls.Any(allowed => Uri.TryCreate(allowed, UriKind.Absolute, out var a) && Uri.Compare(a, uri,
            UriComponents.AbsoluteUri, UriFormat.UriEscaped, StringComparison.Ordinal) == 0);
}
