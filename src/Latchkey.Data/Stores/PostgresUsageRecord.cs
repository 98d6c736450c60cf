using Latchkey.Core.Licensing;
using Npgsql;
using NpgsqlTypes;

namespace Latchkey.Data.Stores;

/// <summary>
/// A usage report on PostgreSQL in one statement, one round trip: the idempotency key's row is inserted unless the key
/// was recorded before (the unique index decides, so two retries at once count once), and only if it was, the period's
/// counter is created or incremented in the same statement and its new value returned. One statement is one
/// transaction, so a crash counts nothing and a duplicate changes nothing.
/// </summary>
internal static class PostgresUsageRecord
{
    private const string Sql = """
        WITH recorded AS (
            INSERT INTO license_usage_events (id, license_id, idempotency_key, feature, quantity, recorded_at)
            VALUES (@id, @license, @key, @feature, @quantity, @now)
            ON CONFLICT (license_id, idempotency_key) DO NOTHING
            RETURNING 1
        ), counted AS (
            INSERT INTO license_usage (license_id, feature, period_start, used)
            SELECT @license, @feature, @period_start, @quantity FROM recorded
            ON CONFLICT (license_id, feature, period_start) DO UPDATE SET used = license_usage.used + EXCLUDED.used
            RETURNING used
        )
        SELECT (SELECT used FROM counted)
        """;

    /// <summary>The counter's new value, or null when the key had been recorded before (nothing changed).</summary>
    public static Task<long?> RunAsync(LatchkeyDbContext db, LicenseUsageEvent report, DateTime periodStart, CancellationToken ct) =>
        PostgresRawCommand.RunAsync(db, Sql, parameters =>
        {
            parameters.Add(new NpgsqlParameter<Guid>("id", NpgsqlDbType.Uuid) { TypedValue = report.Id });
            parameters.Add(new NpgsqlParameter<Guid>("license", NpgsqlDbType.Uuid) { TypedValue = report.LicenseId });
            parameters.Add(new NpgsqlParameter<string>("key", NpgsqlDbType.Varchar) { TypedValue = report.IdempotencyKey });
            parameters.Add(new NpgsqlParameter<string>("feature", NpgsqlDbType.Varchar) { TypedValue = report.Feature });
            parameters.Add(new NpgsqlParameter<long>("quantity", NpgsqlDbType.Bigint) { TypedValue = report.Quantity });
            parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = report.RecordedAt });
            parameters.Add(new NpgsqlParameter<DateTime>("period_start", NpgsqlDbType.TimestampTz) { TypedValue = periodStart });
        }, async command => await command.ExecuteScalarAsync(ct) is long used ? used : (long?)null, ct);
}
