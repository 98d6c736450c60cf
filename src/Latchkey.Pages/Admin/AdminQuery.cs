using System.Globalization;

namespace Latchkey.Pages.Admin;

/// <summary>What the console's GET forms share: links that keep the filters, and the dates they type.</summary>
internal static class AdminQuery
{
    /// <summary><paramref name="path"/> with the non-empty pairs as its query.</summary>
    public static string Link(string path, params (string Name, string? Value)[] pairs)
    {
        var query = string.Join("&", pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A query value, or null when it is empty (an empty field of a GET form means "any").</summary>
    public static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The page number asked for; anything unreadable is page 1 (the core refuses pages below 1).</summary>
    public static int Page(string? text) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 1;

    /// <summary>
    /// A typed date (YYYY-MM-DD) as the start of that UTC day, or with <paramref name="wholeDay"/> its last tick, so a
    /// "to" date includes the day. Null text is no bound; false is text that is not a date.
    /// </summary>
    public static bool TryDate(string? text, bool wholeDay, out DateTime? value)
    {
        value = null;
        if (text is null) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
        var start = DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        value = wholeDay ? start.AddDays(1).AddTicks(-1) : start;
        return true;
    }
}
