using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Latchkey.Core.Credentials;

namespace Latchkey.Core.Users.Import.Formats;

/// <summary>
/// A Firebase Authentication export (<c>firebase auth:export users.json --format=json</c>): <c>{"users": [...]}</c> with
/// each account's scrypt <c>passwordHash</c> and <c>salt</c>, verified under the project's hash parameters (given on the
/// command line, as <c>firebase auth:import</c> takes them). <c>providerUserInfo</c> become linked identities
/// (<c>google.com</c> is our <c>google</c>...), <c>customAttributes</c> the metadata. The file is read whole, like
/// Firebase's own importer does.
/// </summary>
internal static class FirebaseFormat
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(Stream stream, FirebaseHashConfig? config, [EnumeratorCancellation] CancellationToken ct)
    {
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        if (!document.RootElement.TryGetProperty("users", out var users) || users.ValueKind != JsonValueKind.Array)
        {
            yield return ImportRecord.Unreadable(0, "the file has no \"users\" array (is it a firebase auth:export file?)");
            yield break;
        }
        long number = 0;
        foreach (var user in users.EnumerateArray())
        {
            number++;
            if (user.ValueKind != JsonValueKind.Object) { yield return ImportRecord.Unreadable(number, "the record is not a JSON object"); continue; }
            if (user.Text("email") is not { } email) { yield return ImportRecord.Unreadable(number, "email is missing"); continue; }
            var (hash, problem) = Password(user, config);
            yield return problem is not null ? new ImportRecord(number, new ImportedUser { Email = email }, problem)
                : ImportRecord.Read(number, Map(user, email, hash));
        }
    }

    private static ImportedUser Map(JsonElement user, string email, string? hash) => new()
    {
        Email = email,
        EmailVerified = user.Flag("emailVerified"),
        DisplayName = user.Text("displayName"),
        AvatarUrl = user.Text("photoUrl"),
        PhoneNumber = user.Text("phoneNumber"),
        // Firebase only holds a phone number it has verified by SMS (phone sign-in).
        PhoneNumberVerified = user.Text("phoneNumber") is not null,
        Metadata = CustomAttributes(user),
        PasswordHash = hash,
        Disabled = user.Flag("disabled"),
        CreatedAt = user.Text("createdAt") is { } ms && long.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            ? DateTimeOffset.FromUnixTimeMilliseconds(at).UtcDateTime : null,
        Identities = IdentityFields.Firebase(user),
    };

    private static (string? Hash, string? Problem) Password(JsonElement user, FirebaseHashConfig? config)
    {
        if (user.Text("passwordHash") is not { } hash) return (null, null);
        if (config is null) return (null, "the account has a password hash but no --hash-key and --salt-separator were given");
        var stored = FirebaseScryptHash.Format(hash, user.Text("salt") ?? "", config);
        return stored is null ? (null, "password hash or salt is not valid base64 of the project's scrypt") : (stored, null);
    }

    /// <summary>Custom claims are a JSON object written as text.</summary>
    private static string? CustomAttributes(JsonElement user)
    {
        if (user.Text("customAttributes") is not { } text) return null;
        try
        {
            using var claims = JsonDocument.Parse(text);
            return claims.RootElement.ValueKind == JsonValueKind.Object ? claims.RootElement.GetRawText() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
