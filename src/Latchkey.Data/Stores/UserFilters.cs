using Latchkey.Core.Admin;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores;

/// <summary>The user list's filters and orderings as query operators (public so the storage tests can read their query plan).</summary>
public static class UserFilters
{
    public static IQueryable<User> Apply(IQueryable<User> users, UserQuery query, DateTime now)
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Normalized columns are upper-case; names are compared through upper() (an expression index on PostgreSQL).
            var prefix = Escape(query.Search.Trim().ToUpperInvariant()) + "%";
            users = users.Where(u =>
                EF.Functions.Like(u.NormalizedEmail, prefix, "\\")
                || EF.Functions.Like(u.NormalizedUsername!, prefix, "\\")
                || EF.Functions.Like(u.FirstName!.ToUpper(), prefix, "\\")
                || EF.Functions.Like(u.LastName!.ToUpper(), prefix, "\\"));
        }
        if (query.Role is { } role) users = users.Where(u => u.Role == role);
        if (query.CreatedFrom is { } from) users = users.Where(u => u.CreatedAt >= from);
        if (query.CreatedTo is { } to) users = users.Where(u => u.CreatedAt < to);
        return query.Status switch
        {
            UserStatuses.Disabled => users.Where(u => u.Disabled),
            UserStatuses.Locked => users.Where(u => u.LockoutEndsAt > now),
            UserStatuses.Anonymous => users.Where(u => u.IsAnonymous),
            UserStatuses.Unverified => users.Where(u => !u.EmailVerified && !u.IsAnonymous),
            UserStatuses.Active => users.Where(u => !u.Disabled && (u.LockoutEndsAt == null || u.LockoutEndsAt <= now)),
            _ => users,
        };
    }

    public static IQueryable<User> Sort(IQueryable<User> users, string sort, bool descending) => (sort, descending) switch
    {
        (UserSorts.Email, false) => users.OrderBy(u => u.NormalizedEmail),
        (UserSorts.Email, true) => users.OrderByDescending(u => u.NormalizedEmail),
        (UserSorts.LastSignInAt, false) => users.OrderBy(u => u.LastSignInAt).ThenBy(u => u.Id),
        (UserSorts.LastSignInAt, true) => users.OrderByDescending(u => u.LastSignInAt).ThenByDescending(u => u.Id),
        (_, false) => users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id),
        _ => users.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id),
    };

    private static string Escape(string term) => term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
