using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Latchkey.Core.Users.Import.Formats;

/// <summary>
/// Our own format, the one <c>latchkey users export</c> writes: a JSON array (or NDJSON) of objects, or CSV with the
/// same names as columns (metadata as JSON text). Field names: email, emailVerified, username, firstName, lastName,
/// displayName, avatarUrl, phoneNumber, phoneNumberVerified, role, locale, metadata, passwordHash, disabled, createdAt,
/// identities (an array of provider, providerUserId, email; JSON text in CSV).
/// </summary>
internal static class LatchkeyFormat
{
    public static async IAsyncEnumerable<ImportRecord> ReadJsonAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (number, element, problem) in JsonRecords.ReadAsync(stream, ct))
            yield return problem is not null ? ImportRecord.Unreadable(number, problem)
                : FromJson(element!.Value) is { } user ? ImportRecord.Read(number, user)
                : ImportRecord.Unreadable(number, "email is missing");
    }

    public static IAsyncEnumerable<ImportRecord> ReadCsvAsync(TextReader reader, CancellationToken ct) => CsvTable.ReadAsync(reader, FromCsv, ct);

    private static ImportedUser? FromJson(JsonElement e) => e.Text("email") is not { } email ? null : new ImportedUser
    {
        Email = email,
        EmailVerified = e.Flag("emailVerified"),
        Username = e.Text("username"),
        FirstName = e.Text("firstName"),
        LastName = e.Text("lastName"),
        DisplayName = e.Text("displayName"),
        AvatarUrl = e.Text("avatarUrl"),
        PhoneNumber = e.Text("phoneNumber"),
        PhoneNumberVerified = e.Flag("phoneNumberVerified"),
        Role = e.Text("role"),
        Locale = e.Text("locale"),
        Metadata = e.Object("metadata"),
        PasswordHash = e.Text("passwordHash"),
        Disabled = e.Flag("disabled"),
        CreatedAt = e.Time("createdAt"),
        Identities = IdentityFields.Latchkey(e),
    };

    private static ImportedUser? FromCsv(CsvRow r) => r["email"] is not { } email ? null : new ImportedUser
    {
        Email = email,
        EmailVerified = r.Flag("emailVerified"),
        Username = r["username"],
        FirstName = r["firstName"],
        LastName = r["lastName"],
        DisplayName = r["displayName"],
        AvatarUrl = r["avatarUrl"],
        PhoneNumber = r["phoneNumber"],
        PhoneNumberVerified = r.Flag("phoneNumberVerified"),
        Role = r["role"],
        Locale = r["locale"],
        Metadata = r["metadata"],
        PasswordHash = r["passwordHash"],
        Disabled = r.Flag("disabled"),
        CreatedAt = r.Time("createdAt"),
        Identities = IdentityFields.LatchkeyText(r["identities"], IdentityFields.Latchkey),
    };
}
