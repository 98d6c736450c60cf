using Latchkey.Core.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Layout;

/// <summary>
/// What the layout needs to know about the page being rendered, per request: the CSP nonce its stylesheet and
/// script carry, which script (if any) the page loads, and the antiforgery tokens, made on first use so a page
/// without a form sets no antiforgery cookie.
/// </summary>
public sealed class PageContext(IAntiforgery antiforgery)
{
    private AntiforgeryTokenSet? _tokens;

    public string Nonce { get; } = RandomSecrets.Base64Url(16);

    /// <summary>The one script file the page loads (by nonce), or null for a page without script.</summary>
    public string? Script { get; internal set; }

    internal HttpContext? Http { get; set; }

    public AntiforgeryTokenSet Antiforgery => _tokens ??= antiforgery.GetAndStoreTokens(
        Http ?? throw new InvalidOperationException("The page context is used outside a page render."));
}
