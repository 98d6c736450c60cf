using Latchkey.Core.Cluster;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Latchkey.Data.Stores;

/// <summary>The shared counters on PostgreSQL: one upsert of every delta per flush, returning the totals.</summary>
internal sealed class SharedCounterStore(LatchkeyDbContext db) : ISharedCounterStore
{
    private const string Upsert = """
        INSERT INTO rate_counters (key, window_start, window_end, count)
        SELECT * FROM unnest(@keys, @starts, @ends, @counts)
        ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + excluded.count
        RETURNING key, window_start, count
        """;

    public Task<IReadOnlyList<CounterTotal>> AddAsync(IReadOnlyList<CounterDelta> deltas, CancellationToken ct) =>
        PostgresRawCommand.RunAsync<IReadOnlyList<CounterTotal>>(db, Upsert, parameters =>
        {
            parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. deltas.Select(d => d.Key)] });
            parameters.Add(new NpgsqlParameter<DateTime[]>("starts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. deltas.Select(d => d.WindowStart)] });
            parameters.Add(new NpgsqlParameter<DateTime[]>("ends", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. deltas.Select(d => d.WindowEnd)] });
            parameters.Add(new NpgsqlParameter<int[]>("counts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. deltas.Select(d => d.Added)] });
        }, async command =>
        {
            var totals = new List<CounterTotal>(deltas.Count);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                totals.Add(new CounterTotal(reader.GetString(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc), reader.GetInt32(2)));
            return totals;
        }, ct);

    public Task PruneAsync(DateTime now, CancellationToken ct) =>
        db.RateCounters.Where(c => c.WindowEnd <= now).ExecuteDeleteAsync(ct);
}
