using System.Runtime.CompilerServices;

namespace Latchkey.Core.Users.Import.Formats;

/// <summary>A CSV file whose first record names the columns: each further record as a lookup by column name.</summary>
internal static class CsvTable
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(TextReader reader, Func<CsvRow, ImportedUser?> map,
        [EnumeratorCancellation] CancellationToken ct)
    {
        Dictionary<string, int>? columns = null;
        var width = 0;
        await foreach (var (line, fields) in CsvRecords.ReadAsync(reader, ct))
        {
            if (columns is null)
            {
                columns = fields.Select((name, index) => (name.Trim(), index)).DistinctBy(c => c.Item1, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(c => c.Item1, c => c.index, StringComparer.OrdinalIgnoreCase);
                width = fields.Count;
                continue;
            }
            if (fields.Count != width)
            {
                yield return ImportRecord.Unreadable(line, $"the record has {fields.Count} fields where the header names {width}");
                continue;
            }
            yield return Map(line, new CsvRow(columns, fields), map);
        }
    }

    private static ImportRecord Map(long line, CsvRow row, Func<CsvRow, ImportedUser?> map)
    {
        try
        {
            return map(row) is { } user ? ImportRecord.Read(line, user) : ImportRecord.Unreadable(line, "email is missing");
        }
        catch (System.Text.Json.JsonException)
        {
            // A column holding JSON (identities) that is not: this record only.
            return ImportRecord.Unreadable(line, "the identities column is not a JSON array");
        }
    }
}

/// <summary>One CSV record; a missing column and an empty field both read as null.</summary>
internal sealed class CsvRow(Dictionary<string, int> columns, List<string> fields)
{
    public string? this[string column] =>
        columns.TryGetValue(column, out var index) && index < fields.Count && fields[index].Length > 0 ? fields[index] : null;

    public bool Flag(string column) => this[column] is { } value && (bool.TryParse(value, out var b) ? b : value is "1" or "t" or "yes");

    public DateTime? Time(string column) =>
        this[column] is { } value && DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime : null;
}
