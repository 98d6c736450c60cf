using Npgsql;

namespace Latchkey.Data;

/// <summary>
/// Settings Latchkey adds to a PostgreSQL connection string when the operator's string does not set
/// them; anything the string sets wins.
/// </summary>
public static class PostgresConnectionDefaults
{
    /// <summary>
    /// Npgsql's automatic preparation: the hot-path statements (refresh lookup and rotation, session
    /// check, user reads) are parsed and planned once per connection instead of on every call. A
    /// deployment behind a pooler that cannot keep prepared statements sets "Max Auto Prepare=0".
    /// </summary>
    public const int MaxAutoPrepare = 32;

    /// <summary>
    /// At most two connections per core (at least 4) instead of Npgsql's 100. An identity server's
    /// statements are short, so a few busy connections already keep the database's cores full; more only
    /// make backends compete for them. The benchmark on 2 cores (docs/benchmarks.md) measured the
    /// difference: with 64 concurrent requests and 100 allowed connections, refresh p99 was 75–107 ms and
    /// token verification ran at about 5,500/s; with 4, p99 was 36–55 ms and verification 7,000/s, since
    /// waiting requests queue in order in the pool instead of as 64 backends taking turns.
    /// </summary>
    public static int MaxPoolSize => Math.Max(4, 2 * Environment.ProcessorCount);

    public static string Apply(string connectionString, bool transactionPooling = false)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // A transaction pooler hands each transaction to any server connection: a statement prepared on
        // one is unknown on the next (PgBouncer 1.18, Debian 12's, cannot track them), and the reset
        // (DISCARD ALL) would be a wasted round trip on a connection the pooler resets itself.
        if (!Mentions(connectionString, "Auto Prepare", "AutoPrepare")) builder.MaxAutoPrepare = transactionPooling ? 0 : MaxAutoPrepare;
        if (transactionPooling && !Mentions(connectionString, "Reset On Close", "ResetOnClose")) builder.NoResetOnClose = true;
        if (!Mentions(connectionString, "Pool Size", "PoolSize")) builder.MaxPoolSize = MaxPoolSize;
        return builder.ConnectionString;
    }

    private static bool Mentions(string connectionString, params string[] keys) =>
        keys.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));
}
