using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Social;

/// <summary>
/// Where a finished (or failed) upstream sign-in may send the browser: the configured default, or a URL
/// equal, character for character, to one on the allow-list. No prefixes, no patterns: an open
/// redirect here would hand sessions' landing pages to anyone. The hosted sign-in page's social return
/// (<see cref="SocialReturnUrl"/>) and the account console's return from linking (<see cref="AccountLinkedUrl"/>) are
/// always allowed: they are this server's own pages.
/// </summary>
public sealed class RedirectAllowList(IOptions<SocialOptions> social, IOptions<LatchkeyOptions> latchkey)
{
    public string SocialReturnUrl => latchkey.Value.PublicUrl?.TrimEnd('/') + HostedPages.SocialReturn;

    public string AccountLinkedUrl => latchkey.Value.PublicUrl?.TrimEnd('/') + HostedPages.AccountLinked;

    public string Default => social.Value.DefaultRedirectUrl ?? (latchkey.Value.PublicUrl?.TrimEnd('/') + "/");

    /// <summary>The target for <paramref name="requested"/> (the default when empty), or null when it is not allowed.</summary>
    public string? Resolve(string? requested)
    {
        if (string.IsNullOrEmpty(requested)) return Default;
        if (string.Equals(requested, Default, StringComparison.Ordinal)
            || string.Equals(requested, SocialReturnUrl, StringComparison.Ordinal) || string.Equals(requested, AccountLinkedUrl, StringComparison.Ordinal))
            return requested;
        return social.Value.AllowedRedirectUrls.Contains(requested, StringComparer.Ordinal) ? requested : null;
    }
}
