using System.Linq.Expressions;
using Latchkey.Core.Scim;
using Latchkey.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Latchkey.Data.Stores.Scim;

/// <summary>
/// The lookup every provisioning client sends before it creates or links an account (<c>userName eq</c>,
/// <c>externalId eq</c>, <c>id eq</c>) names at most one account through a unique index. It runs as a compiled query:
/// the general path builds the join's expression tree, and EF Core funcletizes and hashes it, on every request, which
/// was most of the filtered get's CPU at a million accounts. Same rows, same groups, same statement shape as
/// <see cref="ScimUserStore.QueryAsync"/>; only the first page is served here (a later page of one row is empty).
/// </summary>
internal static class ScimUserLookup
{
    public sealed record GroupRef(Guid Id, string DisplayName);

    public sealed class Found
    {
        public required User User { get; init; }
        public ScimUserProfile? Profile { get; init; }
        public required List<GroupRef> Groups { get; init; }
    }

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
        Expression<Func<LatchkeyDbContext, TKey, IQueryable<Found>>> template = (db, key) =>
            (from u in db.Users.AsNoTracking().Where(u => !u.IsAnonymous)
             join p in db.ScimUserProfiles.AsNoTracking() on u.Id equals p.UserId into joined
             from p in joined.DefaultIfEmpty()
             select new ScimUserRow { User = u, Profile = p })
            .Where(r => Matches(r, key))
            .Select(r => new Found
            {
                User = r.User,
                Profile = r.Profile,
                Groups = (from m in db.ScimGroupMembers
                          join g in db.ScimGroups on m.GroupId equals g.Id
                          where m.UserId == r.User.Id
                          orderby g.DisplayName
                          select new GroupRef(g.Id, g.DisplayName)).ToList(),
            });
        var body = new PlaceholderReplacer<TKey>(match).Visit(template.Body);
        return EF.CompileAsyncQuery(Expression.Lambda<Func<LatchkeyDbContext, TKey, IQueryable<Found>>>(body, template.Parameters));
    }

    /// <summary>Stands for the predicate in the template; replaced before EF Core sees the tree, never called.</summary>
    private static bool Matches<TKey>(ScimUserRow row, TKey key) => throw new InvalidOperationException("A placeholder for a compiled lookup's predicate.");

    private sealed class PlaceholderReplacer<TKey>(Expression<Func<ScimUserRow, TKey, bool>> match) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(Matches) || node.Method.DeclaringType != typeof(ScimUserLookup)) return base.VisitMethodCall(node);
            return new ReplacingExpressionVisitor([.. match.Parameters], [.. node.Arguments]).Visit(match.Body);
        }
    }
}
