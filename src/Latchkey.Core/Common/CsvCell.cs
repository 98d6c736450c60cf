namespace Latchkey.Core.Common;

/// <summary>
/// One cell of a CSV file an operator will open in a spreadsheet (the import report), written per OWASP's CSV
/// injection guidance: a value starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return would
/// be run as a formula, so it gets a leading <c>'</c> and is quoted; a separator, quote or line break is quoted
/// (RFC 4180, quotes doubled). Values in the file come from the imported data, which the operator does not control.
/// </summary>
public static class CsvCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    public static string Escape(string value)
    {
        var formula = value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0;
        if (!formula && value.IndexOfAny(NeedsQuotes) < 0) return value;
        return "\"" + (formula ? "'" : "") + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
