using Latchkey.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Api.Authentication;

/// <summary>
/// Cross-site request forgery defence for everything the session cookie authenticates. SameSite=Lax alone
/// leaves sibling subdomains (same site, other origin) and body-less POSTs open, so a state-changing request
/// (anything but GET, HEAD, OPTIONS, TRACE) that would be authenticated by the cookie must come from this
/// server's own pages: <c>Sec-Fetch-Site</c> <c>same-origin</c> or <c>none</c> (typed or bookmarked), otherwise
/// an <c>Origin</c> among <see cref="LatchkeyOptions.PublicUrl"/>'s and <see cref="LatchkeyOptions.TrustedOrigins"/>.
/// A request with neither header did not come from a browser page (browsers send Origin on every cross-origin
/// POST) and passes; bearer tokens and API keys are never checked, a page on another site cannot send them.
/// </summary>
public sealed class CrossSiteRequestGuard
{
    private readonly HashSet<string> _origins;

    public CrossSiteRequestGuard(IOptions<LatchkeyOptions> options)
    {
        var configured = options.Value.TrustedOrigins.Append(options.Value.PublicUrl ?? "");
        _origins = new HashSet<string>(configured.Select(Origin).OfType<string>(), StringComparer.OrdinalIgnoreCase);
    }

    public bool Allows(HttpRequest request)
    {
        var method = request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)) return true;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "same-origin" or "none") return true;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return site.Length == 0;
        return _origins.Contains(origin);
    }

    /// <summary>The origin a browser would send for a page under <paramref name="url"/> (scheme, host, non-default port).</summary>
    private static string? Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.GetLeftPart(UriPartial.Authority) : null;
}
