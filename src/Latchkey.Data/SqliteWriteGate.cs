using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Latchkey.Data;

/// <summary>
/// Lets one SQLite writer at a time into the database, queueing the others asynchronously.
/// SQLite has a single write lock; when Microsoft.Data.Sqlite meets it taken it blocks the thread in
/// Thread.Sleep and retries in 150 ms steps. Under concurrent refreshes that parked thread-pool threads
/// and capped throughput near 300/s with a p99 above half a second (bench/run.sh, docs/benchmarks.md).
/// Waiting here instead costs no thread and the lock is never met. Reads pass freely (WAL mode).
/// A gated unit is a transaction (held from BEGIN to commit, rollback or connection close) or one
/// write command outside a transaction. After <see cref="MaxWait"/> a writer goes ahead ungated, so a
/// nested write that waits on its own outer transaction behaves as without the gate (SQLite's timeout).
/// </summary>
internal sealed class SqliteWriteGate : IDbConnectionInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private static readonly object Held = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, object> _holders = new();

    /// <summary>True when this call took the gate (false: the connection holds it already, or the wait ran out).</summary>
    private async ValueTask<bool> EnterAsync(DbConnection connection, CancellationToken ct)
    {
        if (_holders.TryGetValue(connection, out _)) return false;
        if (!await _gate.WaitAsync(MaxWait, ct)) return false;
        _holders.AddOrUpdate(connection, Held);
        return true;
    }

    private bool Enter(DbConnection connection)
    {
        if (_holders.TryGetValue(connection, out _)) return false;
        if (!_gate.Wait(MaxWait)) return false;
        _holders.AddOrUpdate(connection, Held);
        return true;
    }

    private void Leave(DbConnection connection)
    {
        if (_holders.Remove(connection)) _gate.Release();
    }

    // The transaction has let go of its connection by now; the context still knows it.
    private void Leave(TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context) Leave(context.Database.GetDbConnection());
    }

    private static bool IsAutocommitWrite(DbCommand command) =>
        command.Transaction is null && !command.CommandText.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    // Transactions: from BEGIN to the end.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken ct = default) =>
        Begin(connection, eventData, result, await EnterAsync(connection, ct));

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result) =>
        Begin(connection, eventData, result, Enter(connection));

    /// <summary>
    /// Runs BEGIN here once the gate is taken. A BEGIN that fails, or is cancelled (EF Core checks the request's token
    /// after the interceptors), reaches no interceptor, and the connection EF Core opened for it stays open: the gate
    /// stayed taken until that pooled connection's next command, and every other writer waited up to MaxWait. That was
    /// the zero-answer license_usage window on SQLite (docs/benchmarks.md, 2026-12-04 third session).
    /// </summary>
    private InterceptionResult<DbTransaction> Begin(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, bool entered)
    {
        if (!entered || result.HasResult) return result;
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(connection.BeginTransaction(eventData.IsolationLevel));
        }
        catch
        {
            Leave(connection);
            throw;
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Leave(eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Leave(eventData);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback ends when its connection closes.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    // Single write commands outside a transaction (ExecuteUpdate, one-statement SaveChanges).
    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default) => EnterIfWriteAsync(command, result, ct);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        EnterIfWrite(command, result);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken ct = default) => EnterIfWriteAsync(command, result, ct);

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        EnterIfWrite(command, result);

    private async ValueTask<T> EnterIfWriteAsync<T>(DbCommand command, T result, CancellationToken ct)
    {
        if (IsAutocommitWrite(command)) await EnterAsync(command.Connection!, ct);
        return result;
    }

    private T EnterIfWrite<T>(DbCommand command, T result)
    {
        if (IsAutocommitWrite(command)) Enter(command.Connection!);
        return result;
    }

    // A reader's statements run while it is read, so an autocommit write ends when the reader goes.
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (command.Transaction is null) Leave(command.Connection!);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (command.Transaction is null) Leave(command.Connection!);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default) =>
        ValueTask.FromResult(NonQueryExecuted(command, eventData, result));

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        if (command.Transaction is null) Leave(command.Connection!);
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    // A cancelled command is not a failed one to EF Core. EF Core closes a connection it opened, which lets the gate go;
    // on a connection its caller opened, a write cancelled after it passed the gate kept the gate until the next command.
    public void CommandCanceled(DbCommand command, CommandEndEventData eventData)
    {
        if (command.Transaction is null) Leave(command.Connection!);
    }

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken ct = default)
    {
        CommandCanceled(command, eventData);
        return Task.CompletedTask;
    }
}
