namespace Latchkey.Core.Verification;

/// <summary>Phone numbers in E.164 (<c>+</c> and 8 to 15 digits), the form SMS providers expect and the unique key.</summary>
public static class PhoneNumbers
{
    /// <summary>Strips spaces, dots, dashes and parentheses; null when the rest is not E.164.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32) return null;
        var kept = new string(input.Where(c => c is not (' ' or '.' or '-' or '(' or ')')).ToArray());
        if (kept.Length < 9 || kept.Length > 16 || kept[0] != '+' || kept[1] == '0') return null;
        return kept.Skip(1).All(char.IsAsciiDigit) ? kept : null;
    }
}
