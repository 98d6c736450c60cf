using System.Runtime.CompilerServices;
using System.Text.Json;
using Latchkey.Core.Credentials;

namespace Latchkey.Core.Users.Import.Formats;

/// <summary>
/// A Keycloak realm export (<c>kc.sh export --realm R --users same_file|different_files</c>): the <c>users</c> array of
/// the realm file, or of a <c>R-users-N.json</c> file. The password credential's <c>secretData</c> (value, salt) and
/// <c>credentialData</c> (hashIterations, algorithm pbkdf2 / pbkdf2-sha256 / pbkdf2-sha512) become our PBKDF2 hash.
/// <c>federatedIdentities</c> become linked identities (named by the identity provider's alias). The file is read whole: Keycloak writes large realms as several users files (<c>--users-per-file</c>), import each.
/// </summary>
internal static class KeycloakFormat
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        if (!document.RootElement.TryGetProperty("users", out var users) || users.ValueKind != JsonValueKind.Array)
        {
            yield return ImportRecord.Unreadable(0, "the file has no \"users\" array (is it a Keycloak realm or users export?)");
            yield break;
        }
        long number = 0;
        foreach (var user in users.EnumerateArray())
        {
            number++;
            if (user.ValueKind != JsonValueKind.Object) { yield return ImportRecord.Unreadable(number, "the record is not a JSON object"); continue; }
            if (user.Text("email") is not { } email) { yield return ImportRecord.Unreadable(number, "email is missing"); continue; }
            var (hash, problem) = Password(user);
            yield return problem is not null ? new ImportRecord(number, new ImportedUser { Email = email }, problem)
                : ImportRecord.Read(number, Map(user, email, hash));
        }
    }

    private static ImportedUser Map(JsonElement user, string email, string? hash) => new()
    {
        Email = email,
        EmailVerified = user.Flag("emailVerified"),
        Username = user.Text("username") is { } name && !name.Equals(email, StringComparison.OrdinalIgnoreCase) ? name : null,
        FirstName = user.Text("firstName"),
        LastName = user.Text("lastName"),
        PhoneNumber = Attribute(user, "phoneNumber") ?? Attribute(user, "phone_number"),
        Disabled = user.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.False,
        PasswordHash = hash,
        CreatedAt = user.TryGetProperty("createdTimestamp", out var ts) && ts.TryGetInt64(out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime : null,
        Identities = IdentityFields.Keycloak(user),
    };

    private static string? Attribute(JsonElement user, string name) =>
        user.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object
        && attributes.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0
        && values[0].ValueKind == JsonValueKind.String ? values[0].GetString() : null;

    /// <summary>The stored hash of the password credential; null without one; a problem when it is one we cannot verify.</summary>
    private static (string? Hash, string? Problem) Password(JsonElement user)
    {
        if (!user.TryGetProperty("credentials", out var credentials) || credentials.ValueKind != JsonValueKind.Array) return (null, null);
        foreach (var credential in credentials.EnumerateArray())
        {
            if (credential.Text("type") != "password") continue;
            try
            {
                using var secret = JsonDocument.Parse(credential.Text("secretData") ?? "{}");
                using var data = JsonDocument.Parse(credential.Text("credentialData") ?? "{}");
                var algorithm = data.RootElement.Text("algorithm") ?? "";
                var iterations = data.RootElement.TryGetProperty("hashIterations", out var i) && i.TryGetInt32(out var n) ? n : 0;
                var hash = StoredPasswordHash.FromKeycloak(algorithm, iterations, secret.RootElement.Text("salt") ?? "", secret.RootElement.Text("value") ?? "");
                return hash is null ? (null, $"password credential with algorithm '{algorithm}' cannot be verified here") : (hash, null);
            }
            catch (JsonException)
            {
                return (null, "password credential is not valid JSON");
            }
        }
        return (null, null);
    }
}
