using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Common;

/// <summary>Bound from the <c>Latchkey</c> section root.</summary>
public sealed class LatchkeyOptions
{
    /// <summary>The issuer and base of every link. Empty means "the first address the server listens on".</summary>
    [Url]
    public string? PublicUrl { get; set; }

    public string ProductName { get; set; } = "Latchkey";

    /// <summary>
    /// Origins besides <see cref="PublicUrl"/>'s whose pages may send cookie-authenticated state changes
    /// (a first-party web app on its own origin). Everything else is refused as cross-site.
    /// </summary>
    public List<string> TrustedOrigins { get; set; } = [];
}
