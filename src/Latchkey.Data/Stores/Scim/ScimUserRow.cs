using System.Linq.Expressions;
using Latchkey.Core.Account;
using Latchkey.Core.Scim;
using Latchkey.Core.Users;

namespace Latchkey.Data.Stores.Scim;

/// <summary>
/// An account left-joined to its SCIM profile and its account profile (title and timezone live in the account's
/// <c>user_profiles</c> row, which the profile API and OIDC read too): what user filters, sorts and pages read.
/// </summary>
internal sealed class ScimUserRow
{
    public required User User { get; init; }
    public ScimUserProfile? Profile { get; init; }
    public AccountProfile? Account { get; init; }

    /// <summary>
    /// Every account SCIM lists (all but anonymous guests) with both profiles. One expression, so the general query
    /// and the compiled one-key lookups (<see cref="ScimUserLookup"/>) splice the same joins. Tracking is left to the
    /// caller: EF Core applies AsNoTracking to the whole query wherever it stands.
    /// </summary>
    public static readonly Expression<Func<LatchkeyDbContext, IQueryable<ScimUserRow>>> Listed = db =>
        from u in db.Users.Where(u => !u.IsAnonymous)
        join p in db.ScimUserProfiles on u.Id equals p.UserId into scim
        from p in scim.DefaultIfEmpty()
        join a in db.AccountProfiles on u.Id equals a.UserId into account
        from a in account.DefaultIfEmpty()
        select new ScimUserRow { User = u, Profile = p, Account = a };

    private static readonly Func<LatchkeyDbContext, IQueryable<ScimUserRow>> ListedQuery = Listed.Compile();

    /// <summary><see cref="Listed"/> on <paramref name="db"/>, for queries built per request.</summary>
    public static IQueryable<ScimUserRow> Of(LatchkeyDbContext db) => ListedQuery(db);
}
