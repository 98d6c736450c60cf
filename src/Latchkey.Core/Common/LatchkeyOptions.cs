using System.ComponentModel.DataAnnotations;

namespace Latchkey.Core.Common;

/// <summary>Bound from the <c>Latchkey</c> section root.</summary>
public sealed class LatchkeyOptions
{
    /// <summary>The issuer and base of every link. Empty means "the first address the server listens on".</summary>
    [Url]
    public string? PublicUrl { get; set; }

    public string ProductName { get; set; } = "Latchkey";
}
