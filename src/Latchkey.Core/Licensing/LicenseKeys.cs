using Latchkey.Core.Common;

namespace Latchkey.Core.Licensing;

/// <summary>License keys: <c>lk_</c> + 40 letters and digits (~238 bits), stored only as SHA-256, looked up by that hash.</summary>
public static class LicenseKeys
{
    public const string Prefix = "lk_";
    private const int Length = 40;

    public static string New() => Prefix + RandomSecrets.Alphanumeric(Length);

    public static bool LooksLikeKey(string? value) =>
        value is { Length: 43 } && value.StartsWith(Prefix, StringComparison.Ordinal) && value.AsSpan(3).ContainsOnlyAsciiLettersOrDigits();

    private static bool ContainsOnlyAsciiLettersOrDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span) if (!char.IsAsciiLetterOrDigit(c)) return false;
        return true;
    }
}
