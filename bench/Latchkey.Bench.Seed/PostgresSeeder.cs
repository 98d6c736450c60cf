using Latchkey.Data;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Bench.Seed;

/// <summary>
/// Set-wise INSERT ... SELECT FROM generate_series: a million rows per table without sending them over
/// the wire. The refresh-token hash is computed in SQL with the same formula as <see cref="BenchSecrets"/>.
/// </summary>
internal sealed class PostgresSeeder(LatchkeyDbContext db) : ISeeder
{
    public async Task SeedAsync(long count, string passwordHash, string salt, DateTime now)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        // One connection for the whole seed, with foreign-key triggers off (replica role): the rows are
        // consistent by construction, and a million FK lookups per table would double the seeding time.
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET session_replication_role = replica");
        var last = count - 1;
        var expires = now.AddDays(1);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO users (id, email, normalized_email, email_verified, username, normalized_username, password_hash,
                               role, disabled, two_factor_enabled, failed_sign_in_count, created_at, updated_at)
            SELECT md5('u' || i)::uuid, 'bench' || i || '@bench.test', 'BENCH' || i || '@BENCH.TEST', true,
                   'bench' || i, 'BENCH' || i, {passwordHash}, 'user', false, false, 0, {now}, {now}
            FROM generate_series(0::bigint, {last}) AS i
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sessions (id, user_id, kind, auth_method, ip_address, user_agent, device_type,
                                  created_at, last_activity_at, expires_at, elevated_at)
            SELECT md5('s' || i)::uuid, md5('u' || i)::uuid, 'bearer', 'password', '127.0.0.1', 'latchkey-bench', 'unknown',
                   {now}, {now}, {expires}, {now}
            FROM generate_series(0::bigint, {last}) AS i
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO refresh_tokens (id, session_id, user_id, token_hash, created_at, expires_at)
            SELECT md5('t' || i)::uuid, md5('s' || i)::uuid, md5('u' || i)::uuid,
                   sha256(convert_to(translate(rtrim(encode(sha256(convert_to('latchkey-bench:' || {salt} || ':' || i, 'UTF8')),
                                                           'base64'), '='), '+/', '-_'), 'UTF8')),
                   {now}, {expires}
            FROM generate_series(0::bigint, {last}) AS i
            """);
        await db.Database.ExecuteSqlRawAsync("SET session_replication_role = DEFAULT");
        // Vacuumed and checkpointed now, so autovacuum and the checkpointer do not run during the measurements.
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) users, sessions, refresh_tokens");
        await db.Database.ExecuteSqlRawAsync("CHECKPOINT");
    }
}
