using Latchkey.Core.Common;
using Latchkey.Core.Messaging;
using Latchkey.Core.OAuth.BackChannel;
using Latchkey.Core.Webhooks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Latchkey.Data;

/// <remarks>
/// When a commit includes new outbox messages, the dispatcher is woken after it (not before: it would find
/// nothing yet), so mail leaves at once and the poll is only for retries. The same holds for webhook
/// deliveries, which the webhook outbox adds from the activity rows just before each save, and for back-channel
/// logout notices.
/// </remarks>
internal sealed class UnitOfWork(
    LatchkeyDbContext db, MessageDispatchSignal dispatch, WebhookOutbox webhooks, WebhookDispatchSignal webhookDispatch, BackChannelLogoutSignal logoutDispatch,
    DatabaseWriteRefusals refusals) : IUnitOfWork
{
    private bool _wakeAfterCommit;
    private bool _wakeWebhooksAfterCommit;
    private bool _wakeLogoutsAfterCommit;

    public async Task SaveChangesAsync(CancellationToken ct)
    {
        var newMessages = db.ChangeTracker.Entries<OutgoingMessage>().Any(e => e.State == EntityState.Added);
        var newLogouts = db.ChangeTracker.Entries<BackChannelLogoutNotice>().Any(e => e.State == EntityState.Added);
        var newDeliveries = await webhooks.FlushAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            refusals.Stored();
            if (newDeliveries)
            {
                if (db.Database.CurrentTransaction is null) webhookDispatch.Wake();
                else _wakeWebhooksAfterCommit = true;
            }
            if (newLogouts)
            {
                if (db.Database.CurrentTransaction is null) logoutDispatch.Wake();
                else _wakeLogoutsAfterCommit = true;
            }
            if (!newMessages) return;
            if (db.Database.CurrentTransaction is null) dispatch.Wake();
            else _wakeAfterCommit = true;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrentChangeException("Another request changed or removed a row this change expected.", ex);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            throw new UniqueConstraintException("A unique index rejected the change.", ex);
        }
    }

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await work(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            if (_wakeAfterCommit) dispatch.Wake();
            if (_wakeWebhooksAfterCommit) webhookDispatch.Wake();
            if (_wakeLogoutsAfterCommit) logoutDispatch.Wake();
            _wakeAfterCommit = _wakeWebhooksAfterCommit = _wakeLogoutsAfterCommit = false;
            return result;
        }, ct);
    }

    internal static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
