using System.Text.Json;

namespace Latchkey.Core.Users.Import;

/// <summary>
/// Writes every account as a JSON array in the format <see cref="ImportFormats.Json"/> reads, streamed page by page.
/// Password hashes only when asked: an export file is otherwise safe to hand to a migration tool or a spreadsheet.
/// </summary>
public sealed class UserExportService(IUserImportStore store)
{
    public async Task<long> ExportAsync(Stream output, bool includePasswordHashes, IProgress<long>? progress, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartArray();
        long count = 0;
        await foreach (var (user, identities) in store.ReadAllAsync(ct))
        {
            Write(json, user, identities, includePasswordHashes);
            if (++count % 1000 == 0)
            {
                await json.FlushAsync(ct);
                progress?.Report(count);
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
        progress?.Report(count);
        return count;
    }

    private static void Write(Utf8JsonWriter json, User user, IReadOnlyList<Social.UserIdentity> identities, bool includePasswordHashes)
    {
        json.WriteStartObject();
        json.WriteString("id", user.Id);
        json.WriteString("email", user.Email);
        json.WriteBoolean("emailVerified", user.EmailVerified);
        Optional(json, "username", user.Username);
        Optional(json, "firstName", user.FirstName);
        Optional(json, "lastName", user.LastName);
        Optional(json, "displayName", user.ChosenDisplayName);
        Optional(json, "avatarUrl", user.AvatarUrl);
        Optional(json, "phoneNumber", user.PhoneNumber);
        json.WriteBoolean("phoneNumberVerified", user.PhoneNumberVerified);
        json.WriteString("role", user.Role);
        Optional(json, "locale", user.Locale);
        if (user.Metadata is { Length: > 0 } metadata)
        {
            json.WritePropertyName("metadata");
            json.WriteRawValue(metadata);
        }
        if (includePasswordHashes) Optional(json, "passwordHash", user.PasswordHash);
        json.WriteBoolean("disabled", user.Disabled);
        json.WriteString("createdAt", DateTime.SpecifyKind(user.CreatedAt, DateTimeKind.Utc));
        if (identities.Count > 0)
        {
            // Only who the account is at each provider; the upstream tokens (Latchkey:Social:StoreUpstreamTokens) stay here.
            json.WriteStartArray("identities");
            foreach (var identity in identities)
            {
                json.WriteStartObject();
                json.WriteString("provider", identity.Provider);
                json.WriteString("providerUserId", identity.ProviderUserId);
                Optional(json, "email", identity.Email);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }
}
