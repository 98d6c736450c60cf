using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Latchkey.Core.Users.Import.Formats;

/// <summary>
/// Streams JSON objects from a file that is either one top-level array or one object per line (NDJSON, as Auth0
/// exports), so memory stays flat whatever the count. A malformed line of NDJSON is one unreadable record; a
/// malformed array stops the import (its remaining records cannot be found).
/// </summary>
internal static class JsonRecords
{
    public static async IAsyncEnumerable<(long Number, JsonElement? Element, string? Problem)> ReadAsync(Stream stream,
        [EnumeratorCancellation] CancellationToken ct)
    {
        if (await FirstSignificantByteAsync(stream, ct) == '[')
        {
            long number = 0;
            await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: ct))
                yield return (++number, element, element.ValueKind == JsonValueKind.Object ? null : "the record is not a JSON object");
            yield break;
        }
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        long line = 0;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            JsonElement? element = null;
            try { element = JsonDocument.Parse(text).RootElement; }
            catch (JsonException) { }
            yield return (line, element, element is { ValueKind: JsonValueKind.Object } ? null : "the line is not a JSON object");
        }
    }

    /// <summary>Peeks past a byte order mark and white space, then rewinds: the file stream is seekable.</summary>
    private static async Task<int> FirstSignificantByteAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, ct);
        stream.Position = 0;
        foreach (var b in buffer.AsSpan(0, read))
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)) return b;
        return -1;
    }

    public static string? Text(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    public static bool Flag(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True
            || (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var b) && b));

    public static string? Object(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value.GetRawText() : null;

    public static DateTime? Time(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var at) ? at.UtcDateTime
        // Auth0's password export writes dates as MongoDB extended JSON: {"$date": "..."}.
        : element.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object ? value.Time("$date")
        : null;
}
