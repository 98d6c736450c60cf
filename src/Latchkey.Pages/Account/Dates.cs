using System.Globalization;

namespace Latchkey.Pages.Account;

/// <summary>Times on the console's pages: UTC, written the same way everywhere (the person's own time zone is a preference not yet applied).</summary>
internal static class Dates
{
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Format(DateTime? utc) => utc is { } value ? Format(value) : "never";
}
