using System.Text.Json;

namespace Latchkey.Core.Users.Import.Formats;

/// <summary>
/// A Supabase <c>auth.users</c> dump as CSV with a header, e.g.
/// <c>\copy (select * from auth.users) to 'users.csv' csv header</c>. <c>encrypted_password</c> is bcrypt;
/// <c>email_confirmed_at</c> and <c>phone_confirmed_at</c> set the verified flags; <c>raw_user_meta_data</c> becomes
/// the metadata (its first_name/last_name or full_name, when present, the names). Supabase's <c>role</c> column is a
/// PostgreSQL role (authenticated), not an application role, so it is not carried over. <c>auth.users</c> does not hold
/// the linked identities (they are in <c>auth.identities</c>); an <c>identities</c> column with their rows as JSON
/// (<c>(select json_agg(i) from auth.identities i where i.user_id = u.id) as identities</c>) carries them over.
/// </summary>
internal static class SupabaseFormat
{
    public static IAsyncEnumerable<ImportRecord> ReadAsync(TextReader reader, DateTime now, CancellationToken ct) =>
        CsvTable.ReadAsync(reader, row => Map(row, now), ct);

    private static ImportedUser? Map(CsvRow r, DateTime now)
    {
        if (r["email"] is not { } email) return null;
        var meta = r["raw_user_meta_data"];
        var (first, last) = Names(meta);
        return new ImportedUser
        {
            Email = email,
            EmailVerified = r["email_confirmed_at"] is not null,
            FirstName = first,
            LastName = last,
            PhoneNumber = r["phone"] is { } phone ? (phone.StartsWith('+') ? phone : "+" + phone) : null,
            PhoneNumberVerified = r["phone_confirmed_at"] is not null,
            Metadata = meta,
            PasswordHash = r["encrypted_password"],
            Disabled = r.Time("banned_until") > now,
            CreatedAt = r.Time("created_at"),
            Identities = IdentityFields.LatchkeyText(r["identities"], IdentityFields.Supabase),
        };
    }

    private static (string? First, string? Last) Names(string? metadata)
    {
        if (metadata is null) return (null, null);
        try
        {
            var e = JsonDocument.Parse(metadata).RootElement;
            if (e.ValueKind != JsonValueKind.Object) return (null, null);
            if (e.Text("first_name") is { } first) return (first, e.Text("last_name"));
            return e.Text("full_name") is { } full && full.Split(' ', 2) is var parts ? (parts[0], parts.Length > 1 ? parts[1] : null) : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
