using System.Data.Common;
using Latchkey.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Xunit;

namespace Latchkey.Api.Tests.Storage;

/// <summary>
/// The gate that queues SQLite writers must be let go however a write ends, including when its request is aborted just
/// after it passed the gate: otherwise the gate stays taken until that connection's next command, and every other
/// writer waits out the gate's 30-second limit (the zero-answer license_usage window, docs/benchmarks.md).
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("latchkey-gate-");

    [Fact]
    public async Task A_transaction_whose_request_is_aborted_as_it_passes_the_gate_lets_the_next_writer_in()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var writers = await WritersAsync(ct);
        // EF Core checks the token again before its BEGIN; the gate runs BEGIN itself, so a BEGIN that never happens
        // cannot leave the gate taken on the connection EF Core opened for it.
        try
        {
            await using var transaction = await writers.First.Database.BeginTransactionAsync(writers.Aborted.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await writers.SecondGetsInAsync(ct);
    }

    [Fact]
    public async Task A_write_cancelled_after_it_passed_the_gate_on_a_connection_its_caller_opened_lets_the_next_writer_in()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var writers = await WritersAsync(ct);
        await writers.First.Database.OpenConnectionAsync(ct);   // kept open by its caller, so no close lets the gate go
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => writers.First.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES (1)", writers.Aborted.Token));
        await writers.SecondGetsInAsync(ct);
    }

    [Fact]
    public async Task A_transaction_whose_commit_is_cancelled_lets_the_next_writer_in_once_it_is_disposed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var writers = await WritersAsync(ct);
        // No store opens a SQLite connection itself, so EF Core opened this one for the transaction and closes it when
        // the transaction is disposed (rolled back): that close lets the gate go. The gate does not let go on the failed
        // commit itself, since the transaction still holds SQLite's write lock until then.
        await using (var transaction = await writers.First.Database.BeginTransactionAsync(ct))
        {
            await writers.First.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES (1)", ct);
            await writers.Aborted.CancelAsync();   // already cancelled by the first writer's interceptor at BEGIN; said here
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transaction.CommitAsync(writers.Aborted.Token));
        }
        await writers.SecondGetsInAsync(ct);
    }

    /// <summary>Two writers on one new database behind one gate; the first one's request is aborted right after the gate.</summary>
    private async Task<Writers> WritersAsync(CancellationToken ct)
    {
        var connectionString = $"Data Source={Path.Combine(_directory.FullName, Guid.NewGuid().ToString("N") + ".db")}";
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync(ct);
            await using var create = setup.CreateCommand();
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (v INTEGER NOT NULL);";
            await create.ExecuteNonQueryAsync(ct);
        }
        var gate = new SqliteWriteGate();
        var aborted = new CancellationTokenSource();
        var abort = new AbortAfterGate(aborted);
        return new Writers(Context(connectionString, gate, abort), Context(connectionString, gate), aborted, abort);
    }

    private sealed record Writers(DbContext First, DbContext Second, CancellationTokenSource Aborted, AbortAfterGate Abort) : IAsyncDisposable
    {
        /// <summary>Without the release the second writer would wait out the gate's limit (30 s).</summary>
        public async Task SecondGetsInAsync(CancellationToken ct)
        {
            Assert.True(Abort.Fired);
            await Second.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES (2)", ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
            Assert.Equal(1, await Second.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM t").SingleAsync(ct));
        }

        public async ValueTask DisposeAsync()
        {
            await First.DisposeAsync();
            await Second.DisposeAsync();
            Aborted.Dispose();
        }
    }

    private static DbContext Context(string connectionString, params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<DbContext>().UseSqlite(connectionString).AddInterceptors(interceptors).Options);

    /// <summary>Stands for the request going away between the gate and the statement: runs after the gate, cancels the token.</summary>
    private sealed class AbortAfterGate(CancellationTokenSource source) : DbCommandInterceptor, IDbTransactionInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken ct = default)
        {
            Fired = true;
            await source.CancelAsync();
            return result;
        }

        public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken ct = default)
        {
            Fired = true;
            await source.CancelAsync();
            return result;
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
