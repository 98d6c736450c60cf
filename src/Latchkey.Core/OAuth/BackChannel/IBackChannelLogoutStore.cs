namespace Latchkey.Core.OAuth.BackChannel;

/// <summary>
/// Port for the back-channel logout queue. The claim is one statement (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>;
/// SQLite: one writer), so any number of nodes on one database send each notice from exactly one of them.
/// </summary>
public interface IBackChannelLogoutStore
{
    /// <summary>Tracked: saved by the caller's unit of work, in the transaction that ends the session.</summary>
    void Add(BackChannelLogoutNotice notice);

    /// <summary>
    /// Takes up to <paramref name="max"/> due pending notices for one attempt each: counts the attempt and holds each
    /// row until <paramref name="leaseUntil"/>, so a crash mid-send makes it due again then.
    /// </summary>
    Task<IReadOnlyList<BackChannelLogoutNotice>> ClaimDueAsync(DateTime now, DateTime leaseUntil, int max, CancellationToken ct);

    /// <summary>Delivered, or nothing left to deliver to (the client was deleted, deactivated or dropped its URI).</summary>
    Task DeleteAsync(Guid id, CancellationToken ct);

    Task RetryAsync(Guid id, DateTime nextAttemptAt, string error, CancellationToken ct);

    Task FailAsync(Guid id, string error, CancellationToken ct);

    /// <summary>Deletes failed notices created before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneFailedAsync(DateTime before, CancellationToken ct);
}
