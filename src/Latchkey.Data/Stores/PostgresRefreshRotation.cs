using System.Data;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Npgsql;
using NpgsqlTypes;

namespace Latchkey.Data.Stores;

/// <summary>
/// A refresh on PostgreSQL in one statement, so one round trip: the read of token, session and user, the
/// "mark rotated" UPDATE and the successor's INSERT are one <c>WITH … UPDATE … RETURNING</c> statement,
/// which PostgreSQL runs atomically in its own implicit transaction.
/// <para>
/// Semantics are those of the two-step path: the UPDATE repeats <see cref="RefreshTokenLookup.IsUsable"/>
/// (so an unusable token is never rotated) and keeps <c>rotated_at IS NULL</c>. Of concurrent statements
/// for one token, the first to lock the row rotates it; the others wait on the row lock, re-check the
/// committed row under READ COMMITTED, find <c>rotated_at</c> set, update nothing and insert nothing, and
/// report <c>rotated = false</c> with the <c>rotated_at</c> they read (null): the caller answers them from
/// the grace window with the same HMAC-derived successor. Reuse detection reads the same
/// <c>rotated_at</c> as before.
/// </para>
/// </summary>
internal static class PostgresRefreshRotation
{
    // Column order is read by position below. The INSERT runs only for the row the UPDATE returned. The account's
    // profile columns (positions 19 to 27) are selected only for a rotation that asks for the user: the plain refresh
    // does not carry them.
    private const string Columns = """
            SELECT t.id, t.session_id, t.expires_at, t.rotated_at, s.expires_at AS session_expires_at, s.revoked_at,
                   u.id AS user_id, u.email, u.username, u.role, u.disabled, u.is_anonymous, u.default_role, u.allowed_roles,
                   s.client_row_id, s.scope, s.browser_session_id, s.auth_time, u.group_roles
        """;

    private const string UserColumns = """
                   , u.avatar_url, u.created_at, u.first_name, u.last_name, u.chosen_display_name, u.locale, u.metadata,
                   u.email_verified, u.two_factor_enabled
        """;

    private const string Rest = """
            FROM refresh_tokens t
            JOIN sessions s ON s.id = t.session_id
            JOIN users u ON u.id = s.user_id
            WHERE t.token_hash = @hash
        ), rotated AS (
            UPDATE refresh_tokens t SET rotated_at = @now
            FROM found f
            WHERE t.id = f.id AND t.rotated_at IS NULL
              AND f.revoked_at IS NULL AND f.session_expires_at > @now AND f.expires_at > @now AND NOT f.disabled
              AND f.client_row_id IS NOT DISTINCT FROM @client
            RETURNING t.id
        ), successor AS (
            INSERT INTO refresh_tokens (id, session_id, user_id, token_hash, created_at, expires_at)
            SELECT @successor_id, f.session_id, f.user_id, @successor_hash, @now, LEAST(@idle_expiry, f.session_expires_at)
            FROM found f JOIN rotated r ON r.id = f.id
        )
        SELECT f.*, EXISTS (SELECT 1 FROM rotated) FROM found f
        """;

    private const string Sql = "WITH found AS (\n" + Columns + "\n" + Rest;
    private const string SqlWithUser = "WITH found AS (\n" + Columns + "\n" + UserColumns + "\n" + Rest;

    public static Task<RefreshRotationOutcome?> RunAsync(LatchkeyDbContext db, byte[] tokenHash, RefreshRotation rotation, CancellationToken ct) =>
        PostgresRawCommand.RunAsync(db, rotation.WithUser ? SqlWithUser : Sql, parameters =>
        {
            parameters.Add(new NpgsqlParameter<byte[]>("hash", NpgsqlDbType.Bytea) { TypedValue = tokenHash });
            parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = rotation.Now });
            parameters.Add(new NpgsqlParameter("client", NpgsqlDbType.Uuid) { Value = rotation.ClientRowId ?? (object)DBNull.Value });
            parameters.Add(new NpgsqlParameter<Guid>("successor_id", NpgsqlDbType.Uuid) { TypedValue = rotation.SuccessorId });
            parameters.Add(new NpgsqlParameter<byte[]>("successor_hash", NpgsqlDbType.Bytea) { TypedValue = rotation.SuccessorHash });
            parameters.Add(new NpgsqlParameter<DateTime>("idle_expiry", NpgsqlDbType.TimestampTz) { TypedValue = rotation.IdleExpiry });
        }, command => ReadAsync(command, rotation.WithUser, ct), ct);

    private static async Task<RefreshRotationOutcome?> ReadAsync(NpgsqlCommand command, bool withUser, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
        if (!await reader.ReadAsync(ct)) return null;
        var found = new RefreshTokenLookup(
            reader.GetGuid(0), reader.GetGuid(1), Utc(reader.GetDateTime(2)), NullableUtc(reader, 3),
            Utc(reader.GetDateTime(4)), NullableUtc(reader, 5),
            new TokenSubject(reader.GetGuid(6), reader.GetString(7), NullableString(reader, 8), reader.GetString(9),
                reader.GetBoolean(10), reader.GetBoolean(11), NullableString(reader, 12), NullableString(reader, 13), NullableString(reader, 18)),
            reader.IsDBNull(14) ? null : new OAuthGrantInfo(reader.GetGuid(14), NullableString(reader, 15) ?? "",
                reader.IsDBNull(16) ? null : reader.GetGuid(16), NullableUtc(reader, 17)));
        var rotated = reader.GetBoolean(reader.FieldCount - 1);
        return new RefreshRotationOutcome(found, rotated, withUser ? UserOf(reader, found.Subject) : null);
    }

    /// <summary>The account as a session answer shows it (display only: no credentials or lockout state are read).</summary>
    private static User UserOf(NpgsqlDataReader reader, TokenSubject subject) => new()
    {
        Id = subject.UserId,
        Email = subject.Email,
        NormalizedEmail = "",
        Username = subject.Username,
        Role = subject.Role,
        Disabled = subject.Disabled,
        IsAnonymous = subject.IsAnonymous,
        DefaultRole = subject.DefaultRole,
        AllowedRoles = subject.AllowedRoles,
        GroupRoles = subject.GroupRoles,
        AvatarUrl = NullableString(reader, 19),
        CreatedAt = Utc(reader.GetDateTime(20)),
        FirstName = NullableString(reader, 21),
        LastName = NullableString(reader, 22),
        ChosenDisplayName = NullableString(reader, 23),
        Locale = NullableString(reader, 24),
        Metadata = NullableString(reader, 25),
        EmailVerified = reader.GetBoolean(26),
        TwoFactorEnabled = reader.GetBoolean(27),
    };

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? NullableUtc(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Utc(reader.GetDateTime(ordinal));

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
