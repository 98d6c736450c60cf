namespace Latchkey.Core.Common;

/// <summary>
/// Commits what the stores have tracked in one database round trip. A use case adds its session,
/// tokens and activity rows and saves once, so a failure leaves nothing half-written.
/// </summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction, for use cases that mix set-based
    /// updates (which run at once) with tracked changes and must be atomic. Commits only on success.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct);
}
