using System.Linq.Expressions;
using Latchkey.Core.Scim;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores.Scim;

internal sealed class ScimUserStore(LatchkeyDbContext db) : IScimUserStore
{
    public async Task<ScimPage<ScimUserListed>> QueryAsync(ScimQuery<ScimUserField> query, CancellationToken ct)
    {
        // A one-key lookup finds at most one account: the first page holds it whatever the sort, and its total is exact.
        if (query is { StartIndex: 1, Count: > 0 } && ScimUserLookup.Find(db, query.Filter) is { } lookup)
        {
            var found = new List<ScimUserListed>(1);
            await foreach (var r in lookup.WithCancellation(ct)) found.Add(r.ToListed());
            return new ScimPage<ScimUserListed>(found.Count, found);
        }

        var rows = ScimUserRow.Of(db).AsNoTracking();
        if (query.Filter is { } filter)
            rows = rows.Where(ScimPredicates<ScimUserRow, ScimUserField>.Build(filter, ScimUserColumns.For, ScimUserColumns.Special));
        if (query.Count <= 0) return new ScimPage<ScimUserListed>(query.SkipCount ? -1 : await rows.CountAsync(ct), []);

        // The page and each account's groups in one statement (EF joins the groups to the limited page).
        var offset = query.StartIndex - 1;
        var page = await Sort(rows, query.SortBy, query.Descending).Skip(offset).Take(query.Count)
            .Select(ScimUserLookup.WithGroups(db)).ToListAsync(ct);
        var listed = page.ConvertAll(r => r.ToListed());

        // A page that is not full ends the list, so its total is known; a full page, or one past the end, is counted.
        var ends = listed.Count < query.Count && (listed.Count > 0 || offset == 0);
        var total = ends ? offset + listed.Count : query.SkipCount ? -1 : await rows.CountAsync(ct);
        return new ScimPage<ScimUserListed>(total, listed);
    }

    // No join to the profiles: the count reads the partial (created_at, id) index of listed accounts only.
    public Task<int> CountAllAsync(CancellationToken ct) => db.Users.CountAsync(u => !u.IsAnonymous, ct);

    private static IQueryable<ScimUserRow> Sort(IQueryable<ScimUserRow> rows, ScimUserField? field, bool descending)
    {
        IOrderedQueryable<ScimUserRow> ordered = field is { } f ? ScimUserColumns.For(f) switch
            {
                Expression<Func<ScimUserRow, string?>> text => descending ? rows.OrderByDescending(text) : rows.OrderBy(text),
                Expression<Func<ScimUserRow, bool>> flag => descending ? rows.OrderByDescending(flag) : rows.OrderBy(flag),
                Expression<Func<ScimUserRow, DateTime>> time => descending ? rows.OrderByDescending(time) : rows.OrderBy(time),
                _ => throw new ArgumentOutOfRangeException(nameof(field)),
            }
            : descending ? rows.OrderByDescending(r => r.User.CreatedAt) : rows.OrderBy(r => r.User.CreatedAt);
        // The id breaks ties, so pages neither repeat nor skip rows.
        return descending ? ordered.ThenByDescending(r => r.User.Id) : ordered.ThenBy(r => r.User.Id);
    }

    public async Task<ScimUserRecord?> FindAsync(Guid userId, CancellationToken ct) =>
        await ScimUserRow.Of(db).Where(r => r.User.Id == userId).Select(r => new ScimUserRecord(r.User, r.Profile, r.Account)).FirstOrDefaultAsync(ct);

    public Task<bool> ExternalIdTakenAsync(string externalId, Guid? exceptUserId, CancellationToken ct) =>
        db.ScimUserProfiles.AnyAsync(p => p.ExternalId == externalId && p.UserId != exceptUserId, ct);

    public void AddProfile(ScimUserProfile profile) => db.ScimUserProfiles.Add(profile);

    public async Task<ILookup<Guid, (Guid Id, string DisplayName)>> GroupsOfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0) return Array.Empty<(Guid, Guid, string)>().ToLookup(x => x.Item1, x => (x.Item2, x.Item3));
        var rows = await (from m in db.ScimGroupMembers
                          join g in db.ScimGroups on m.GroupId equals g.Id
                          where userIds.Contains(m.UserId)
                          orderby g.DisplayName
                          select new { m.UserId, g.Id, g.DisplayName }).AsNoTracking().ToListAsync(ct);
        return rows.ToLookup(r => r.UserId, r => (r.Id, r.DisplayName));
    }
}
