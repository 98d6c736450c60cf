using System.Text.RegularExpressions;

namespace Latchkey.Core.Settings;

/// <summary>
/// Bound from <c>Latchkey:Branding</c>: the hosted pages' logo and accent colour (the product name is
/// <c>Latchkey:ProductName</c>). Administrators may override them at run time.
/// </summary>
public sealed partial class BrandingOptions
{
    public const string DefaultAccent = "#1d4ed8";
    public string? LogoUrl { get; set; }
    /// <summary>A CSS hex colour (#rgb or #rrggbb).</summary>
    public string AccentColor { get; set; } = DefaultAccent;

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColour();

    public static bool IsColour(string? value) => value is not null && HexColour().IsMatch(value);

    /// <summary>The accent as it may go into a stylesheet: a configured value that is not a #hex colour falls back to the default.</summary>
    public string SafeAccent => IsColour(AccentColor) ? AccentColor : DefaultAccent;
}
