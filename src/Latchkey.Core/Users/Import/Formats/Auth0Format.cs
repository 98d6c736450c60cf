using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Latchkey.Core.Users.Import.Formats;

/// <summary>
/// An Auth0 export: the user export job's NDJSON (or a JSON array) with the password hashes Auth0 support hands over
/// (<c>passwordHash</c>, bcrypt), or records in Auth0's own bulk-import shape (<c>password_hash</c>, or
/// <c>custom_password_hash.hash.value</c> with algorithm bcrypt). <c>user_metadata</c> becomes the metadata;
/// <c>identities</c> (Google, GitHub, enterprise connections...) become linked identities.
/// </summary>
internal static class Auth0Format
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (number, element, problem) in JsonRecords.ReadAsync(stream, ct))
            yield return problem is not null ? ImportRecord.Unreadable(number, problem)
                : Map(element!.Value) is { } user ? ImportRecord.Read(number, user)
                : ImportRecord.Unreadable(number, "email is missing");
    }

    private static ImportedUser? Map(JsonElement e) => e.Text("email") is not { } email ? null : new ImportedUser
    {
        Email = email,
        EmailVerified = e.Flag("email_verified"),
        Username = e.Text("username"),
        FirstName = e.Text("given_name"),
        LastName = e.Text("family_name"),
        AvatarUrl = e.Text("picture"),
        PhoneNumber = e.Text("phone_number"),
        PhoneNumberVerified = e.Flag("phone_verified"),
        Metadata = e.Object("user_metadata"),
        PasswordHash = e.Text("passwordHash") ?? e.Text("password_hash") ?? CustomHash(e),
        Disabled = e.Flag("blocked"),
        CreatedAt = e.Time("created_at"),
        Identities = IdentityFields.Auth0(e, email),
    };

    private static string? CustomHash(JsonElement e) =>
        e.TryGetProperty("custom_password_hash", out var custom) && custom.ValueKind == JsonValueKind.Object
        && custom.Text("algorithm") == "bcrypt" && custom.TryGetProperty("hash", out var hash) && hash.ValueKind == JsonValueKind.Object
            ? hash.Text("value") : null;
}
