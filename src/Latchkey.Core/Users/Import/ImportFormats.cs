using System.Text;
using Latchkey.Core.Users.Import.Formats;

namespace Latchkey.Core.Users.Import;

/// <summary>The source formats <c>latchkey users import --format</c> reads.</summary>
public static class ImportFormats
{
    public const string Json = "json";
    public const string Csv = "csv";
    public const string Auth0 = "auth0";
    public const string Supabase = "supabase";
    public const string Keycloak = "keycloak";
    public const string Firebase = "firebase";

    public static readonly IReadOnlyList<string> All = [Json, Csv, Auth0, Supabase, Keycloak, Firebase];

    /// <summary>The records of a seekable file stream in <paramref name="format"/>; the caller owns the stream.</summary>
    public static IAsyncEnumerable<ImportRecord> Read(string format, Stream stream, DateTime now, CancellationToken ct,
        Credentials.FirebaseHashConfig? firebase = null) => format switch
    {
        Json => LatchkeyFormat.ReadJsonAsync(stream, ct),
        Csv => LatchkeyFormat.ReadCsvAsync(Text(stream), ct),
        Auth0 => Auth0Format.ReadAsync(stream, ct),
        Supabase => SupabaseFormat.ReadAsync(Text(stream), now, ct),
        Keycloak => KeycloakFormat.ReadAsync(stream, ct),
        Firebase => FirebaseFormat.ReadAsync(stream, firebase, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"Format must be one of {string.Join(", ", All)}."),
    };

    private static StreamReader Text(Stream stream) => new(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
}
