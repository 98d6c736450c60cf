using System.Linq.Expressions;
using Latchkey.Core.Account;
using Latchkey.Core.Scim;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Latchkey.Data.Stores.Scim;

/// <summary>
/// The lookup every provisioning client sends before it creates or links an account (<c>userName eq</c>,
/// <c>externalId eq</c>, <c>id eq</c>) names at most one account through a unique index. It runs as a compiled query:
/// the general path builds the join's expression tree, and EF Core funcletizes and hashes it, on every request, which
/// was most of the filtered get's CPU at a million accounts. The rows (<see cref="ScimUserRow.Listed"/>) and the page's
/// projection (<see cref="Projection"/>) are the general query's own expressions, spliced in; only the first page is
/// served here (a later page of one row is empty).
/// </summary>
internal static class ScimUserLookup
{
    public sealed record GroupRef(Guid Id, string DisplayName);

    public sealed class Found
    {
        public required User User { get; init; }
        public ScimUserProfile? Profile { get; init; }
        public AccountProfile? Account { get; init; }
        public required List<GroupRef> Groups { get; init; }

        public ScimUserListed ToListed() =>
            new(new ScimUserRecord(User, Profile, Account), Groups.ConvertAll(g => (g.Id, g.DisplayName)));
    }

    /// <summary>
    /// A listed row with its groups in name order, read in the page's statement. Of the account profile only what a
    /// SCIM User shows (title, timezone) is read: the rest of the row (bio, address, links) is not SCIM's.
    /// </summary>
    private static readonly Expression<Func<LatchkeyDbContext, ScimUserRow, Found>> Projection = (db, r) => new Found
    {
        User = r.User,
        Profile = r.Profile,
        Account = r.Account == null ? null : new AccountProfile { UserId = r.Account.UserId, JobTitle = r.Account.JobTitle, TimeZone = r.Account.TimeZone },
        Groups = (from m in db.ScimGroupMembers
                  join g in db.ScimGroups on m.GroupId equals g.Id
                  where m.UserId == r.User.Id
                  orderby g.DisplayName
                  select new GroupRef(g.Id, g.DisplayName)).ToList(),
    };

    /// <summary><see cref="Projection"/> for a query built per request on <paramref name="db"/>.</summary>
    public static Expression<Func<ScimUserRow, Found>> WithGroups(LatchkeyDbContext db) =>
        Expression.Lambda<Func<ScimUserRow, Found>>(
            new ReplacingExpressionVisitor([Projection.Parameters[0]], [Expression.Constant(db)]).Visit(Projection.Body), Projection.Parameters[1]);

    private static readonly Func<LatchkeyDbContext, string, IAsyncEnumerable<Found>> ByUsername =
        Compile<string>((r, key) => r.User.NormalizedUsername == key);

    // An email-shaped userName is the address of an account that has no username (ScimUserColumns.Special).
    private static readonly Func<LatchkeyDbContext, string, IAsyncEnumerable<Found>> ByEmail =
        Compile<string>((r, key) => r.User.NormalizedEmail == key && r.User.NormalizedUsername == null);

    private static readonly Func<LatchkeyDbContext, string, IAsyncEnumerable<Found>> ByExternalId =
        Compile<string>((r, key) => r.Profile!.ExternalId == key);

    private static readonly Func<LatchkeyDbContext, Guid, IAsyncEnumerable<Found>> ById =
        Compile<Guid>((r, key) => r.User.Id == key);

    /// <summary>The rows of a one-key lookup, or null when the filter is anything else (the general query serves it).</summary>
    public static IAsyncEnumerable<Found>? Find(LatchkeyDbContext db, ScimCondition<ScimUserField>? filter)
    {
        if (filter is not ScimFieldTest<ScimUserField> { Operator: ScimOperator.Eq, Value: string value } test) return null;
        switch (test.Field.Field)
        {
            case ScimUserField.UserName:
                var (key, emailShaped) = ScimUserColumns.UserNameKey(value);
                return emailShaped ? ByEmail(db, key) : ByUsername(db, key);
            case ScimUserField.ExternalId:
                return ByExternalId(db, value);
            case ScimUserField.Id:
                // Not a UUID: nobody, answered by the general path's constant-false predicate without a special case here.
                return Guid.TryParse(value, out var id) ? ById(db, id) : null;
            default:
                return null;
        }
    }

    /// <summary>The listing query with <paramref name="match"/> as its only predicate, compiled once.</summary>
    private static Func<LatchkeyDbContext, TKey, IAsyncEnumerable<Found>> Compile<TKey>(Expression<Func<ScimUserRow, TKey, bool>> match)
    {
        // Listed(db).Where(Matches).Select(Projection(db, r)).AsNoTracking(), with the two shared expressions inlined.
        var db = Expression.Parameter(typeof(LatchkeyDbContext), "db");
        var key = Expression.Parameter(typeof(TKey), "key");
        var row = Expression.Parameter(typeof(ScimUserRow), "r");
        var rows = new ReplacingExpressionVisitor([ScimUserRow.Listed.Parameters[0]], [db]).Visit(ScimUserRow.Listed.Body);
        var filtered = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(ScimUserRow)], rows,
            Expression.Quote(Expression.Lambda<Func<ScimUserRow, bool>>(
                new ReplacingExpressionVisitor([.. match.Parameters], [row, key]).Visit(match.Body), row)));
        var projection = Expression.Lambda<Func<ScimUserRow, Found>>(
            new ReplacingExpressionVisitor([Projection.Parameters[0], Projection.Parameters[1]], [db, row]).Visit(Projection.Body), row);
        var projected = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(ScimUserRow), typeof(Found)], filtered, Expression.Quote(projection));
        var untracked = Expression.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.AsNoTracking), [typeof(Found)], projected);
        return EF.CompileAsyncQuery(Expression.Lambda<Func<LatchkeyDbContext, TKey, IQueryable<Found>>>(untracked, db, key));
    }
}
