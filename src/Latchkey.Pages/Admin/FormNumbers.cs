using System.Globalization;
using Latchkey.Core.Common;

namespace Latchkey.Pages.Admin;

/// <summary>The whole numbers and dates console forms type as text: kept as typed, read only when the form is used.</summary>
internal static class FormNumbers
{
    /// <summary>Empty is null (the service's default); text that is not a whole number is an error by its field.</summary>
    public static bool TryRead(string? text, string field, string label, out int? value, out AuthError? error)
    {
        (value, error) = (null, null);
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) { value = n; return true; }
        error = AuthError.Field(field, $"{label} must be a whole number");
        return false;
    }
}
