using Latchkey.Core.Audit;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;

namespace Latchkey.Core.Admin;

/// <summary>Port for the administrator's cross-user reads and the account deletion. Every list is one page plus one count.</summary>
public interface IAdminStore
{
    /// <summary>Untracked accounts matching <paramref name="query"/>; "locked" is judged at <paramref name="now"/>.</summary>
    Task<Page<User>> SearchUsersAsync(UserQuery query, DateTime now, CancellationToken ct);

    /// <summary>Accounts holding <paramref name="role"/> that can still act: not disabled and not locked at <paramref name="now"/>.</summary>
    Task<int> CountUsableHoldersAsync(string role, DateTime now, CancellationToken ct);

    /// <summary>Active sessions (sign-ins and OAuth grants), newest first, of one user or of all.</summary>
    Task<Page<Session>> ListActiveSessionsAsync(Guid? userId, DateTime now, int page, int limit, CancellationToken ct);

    /// <summary>Active OAuth grants of a user (for back-channel logout before the account goes).</summary>
    Task<IReadOnlyList<Session>> ListActiveGrantsAsync(Guid userId, DateTime now, CancellationToken ct);

    Task<Page<ActivityEntry>> SearchActivityAsync(ActivityQuery query, CancellationToken ct);

    /// <summary>The dashboard's account figures at <paramref name="now"/>: one pass over users, one over recent users, two small counts.</summary>
    Task<AccountStats> AccountStatsAsync(DateTime now, CancellationToken ct);

    /// <summary>
    /// Successful and failed sign-ins in each of <paramref name="ranges"/>, in their order, in one statement: a range scan of
    /// the activity (type, created_at) index per range. Empty ranges count zero without a scan.
    /// </summary>
    Task<IReadOnlyList<LoginCounts>> CountLoginsAsync(IReadOnlyList<TimeRange> ranges, CancellationToken ct);

    /// <summary>Deletes the account; everything it owns goes with it (foreign keys cascade). False if it was already gone.</summary>
    Task<bool> DeleteUserAsync(Guid userId, CancellationToken ct);
}

/// <summary>Activity filters; <see cref="Success"/> null means both outcomes.</summary>
public sealed record ActivityQuery(
    string? Type, Guid? UserId, string? IpAddress, bool? Success, DateTime? From, DateTime? To, int Page, int Limit);
