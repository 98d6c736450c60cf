using System.Runtime.CompilerServices;
using System.Text;

namespace Latchkey.Core.Users.Import.Formats;

/// <summary>
/// Reads RFC 4180 CSV: fields separated by commas, quoted with double quotes (a doubled quote inside is one quote),
/// quoted fields may span lines. Yields each record with the line it starts on; the first record is the header.
/// </summary>
internal static class CsvRecords
{
    public static async IAsyncEnumerable<(long Line, List<string> Fields)> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken ct)
    {
        long line = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        long start = 1;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (!inQuotes) { start = line; fields = []; if (text.Length == 0) continue; }
            else field.Append('\n');
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (inQuotes)
                {
                    if (c != '"') field.Append(c);
                    else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else if (c == '"') inQuotes = true;
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else field.Append(c);
            }
            if (inQuotes) continue;
            fields.Add(field.ToString());
            field.Clear();
            yield return (start, fields);
        }
        if (inQuotes) yield return (start, [.. fields, field.ToString()]);
    }
}
