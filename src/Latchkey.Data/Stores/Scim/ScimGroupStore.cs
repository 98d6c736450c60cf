using System.Linq.Expressions;
using Latchkey.Core.Scim;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Data.Stores.Scim;

internal sealed class ScimGroupStore(LatchkeyDbContext db) : IScimGroupStore
{
    public async Task<ScimPage<ScimGroup>> QueryAsync(ScimQuery<ScimGroupField> query, CancellationToken ct)
    {
        var groups = db.ScimGroups.AsNoTracking();
        if (query.Filter is { } filter)
            groups = groups.Where(ScimPredicates<ScimGroup, ScimGroupField>.Build(filter, Column, Special));
        var total = await groups.CountAsync(ct);
        if (query.Count <= 0 || total < query.StartIndex) return new ScimPage<ScimGroup>(total, []);
        IOrderedQueryable<ScimGroup> ordered = Column(query.SortBy ?? ScimGroupField.Created) switch
        {
            Expression<Func<ScimGroup, string?>> text => query.Descending ? groups.OrderByDescending(text) : groups.OrderBy(text),
            Expression<Func<ScimGroup, DateTime>> time => query.Descending ? groups.OrderByDescending(time) : groups.OrderBy(time),
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        };
        ordered = query.Descending ? ordered.ThenByDescending(g => g.Id) : ordered.ThenBy(g => g.Id);
        return new ScimPage<ScimGroup>(total, await ordered.Skip(query.StartIndex - 1).Take(query.Count).ToListAsync(ct));
    }

    private static LambdaExpression Column(ScimGroupField field) => field switch
    {
        ScimGroupField.DisplayName => Text(g => g.NormalizedDisplayName),
        ScimGroupField.ExternalId => Text(g => g.ExternalId),
        ScimGroupField.LastModified => Time(g => g.UpdatedAt),
        ScimGroupField.Id => Time(g => g.CreatedAt), // sorting by id: creation order (ids are UUIDv7)
        _ => Time(g => g.CreatedAt),
    };

    private static Expression<Func<ScimGroup, string?>> Text(Expression<Func<ScimGroup, string?>> e) => e;
    private static Expression<Func<ScimGroup, DateTime>> Time(Expression<Func<ScimGroup, DateTime>> e) => e;

    /// <summary>Ids and members are UUIDs: a value that is not one matches nothing.</summary>
    private Expression<Func<ScimGroup, bool>>? Special(ScimFieldTest<ScimGroupField> test)
    {
        if (test.Field.Field is not (ScimGroupField.Id or ScimGroupField.Member)) return null;
        var members = db.ScimGroupMembers;
        if (test.Operator == ScimOperator.Pr)
            return test.Field.Field == ScimGroupField.Id ? g => true : g => members.Any(m => m.GroupId == g.Id);
        var id = Guid.TryParse(test.Value as string, out var parsed) ? parsed : (Guid?)null;
        var equal = test.Operator == ScimOperator.Eq;
        if (id is null) return equal ? g => false : g => true;
        if (test.Field.Field == ScimGroupField.Id) return equal ? g => g.Id == id.Value : g => g.Id != id.Value;
        return equal
            ? g => members.Any(m => m.GroupId == g.Id && m.UserId == id.Value)
            : g => !members.Any(m => m.GroupId == g.Id && m.UserId == id.Value);
    }

    public Task<ScimGroup?> FindAsync(Guid id, CancellationToken ct) => db.ScimGroups.FirstOrDefaultAsync(g => g.Id == id, ct);

    public Task<bool> DisplayNameTakenAsync(string normalizedDisplayName, Guid? exceptGroupId, CancellationToken ct) =>
        db.ScimGroups.AnyAsync(g => g.NormalizedDisplayName == normalizedDisplayName && g.Id != exceptGroupId, ct);

    public async Task<ILookup<Guid, (Guid UserId, string Display)>> MembersOfAsync(IReadOnlyCollection<Guid> groupIds, CancellationToken ct)
    {
        if (groupIds.Count == 0) return Array.Empty<(Guid, Guid, string)>().ToLookup(x => x.Item1, x => (x.Item2, x.Item3));
        var rows = await (from m in db.ScimGroupMembers
                          join u in db.Users on m.UserId equals u.Id
                          where groupIds.Contains(m.GroupId)
                          orderby u.NormalizedEmail
                          select new { m.GroupId, m.UserId, Display = u.ChosenDisplayName ?? u.Email }).AsNoTracking().ToListAsync(ct);
        return rows.ToLookup(r => r.GroupId, r => (r.UserId, r.Display));
    }

    public async Task<IReadOnlyList<Guid>> ExistingUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
        await db.Users.Where(u => userIds.Contains(u.Id) && !u.IsAnonymous).Select(u => u.Id).ToListAsync(ct);

    public void Add(ScimGroup group) => db.ScimGroups.Add(group);

    public void Remove(ScimGroup group) => db.ScimGroups.Remove(group);

    public void AddMembers(Guid groupId, IEnumerable<Guid> userIds) =>
        db.ScimGroupMembers.AddRange(userIds.Select(u => new ScimGroupMember { GroupId = groupId, UserId = u }));

    /// <summary>Tracked removals, so they commit with the rest of the change.</summary>
    public async Task RemoveMembersAsync(Guid groupId, IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
        db.ScimGroupMembers.RemoveRange(await db.ScimGroupMembers.Where(m => m.GroupId == groupId && userIds.Contains(m.UserId)).ToListAsync(ct));

    public async Task<IReadOnlyList<Guid>> RefreshGroupRolesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        var before = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.GroupRoles }).ToListAsync(ct);
        var carried = (await (from m in db.ScimGroupMembers
                              join g in db.ScimGroups on m.GroupId equals g.Id
                              where ids.Contains(m.UserId) && g.Roles != null
                              select new { m.UserId, g.Roles }).AsNoTracking().ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Roles!);
        var changes = before.Select(u => (u.Id, Before: u.GroupRoles, After: GroupRoles.Format(carried[u.Id])))
            .Where(c => c.Before != c.After).ToList();
        // Members of one group mostly end with the same roles: one UPDATE per distinct value, not one per account.
        foreach (var same in changes.GroupBy(c => c.After))
        {
            var changed = same.Select(c => c.Id).ToList();
            var value = same.Key;
            await db.Users.Where(u => changed.Contains(u.Id)).ExecuteUpdateAsync(set => set.SetProperty(u => u.GroupRoles, value), ct);
        }
        return [.. changes.Where(c => GroupRoles.Lost(c.Before, c.After)).Select(c => c.Id)];
    }

    public async Task<(IReadOnlyList<(ScimGroup Group, int Members)> Items, int Total)> ListWithMemberCountsAsync(int skip, int take, CancellationToken ct)
    {
        var total = await db.ScimGroups.CountAsync(ct);
        var rows = await db.ScimGroups.AsNoTracking().OrderBy(g => g.NormalizedDisplayName).Skip(skip).Take(take)
            .Select(g => new { Group = g, Members = db.ScimGroupMembers.Count(m => m.GroupId == g.Id) }).ToListAsync(ct);
        return ([.. rows.Select(r => (r.Group, r.Members))], total);
    }
}
