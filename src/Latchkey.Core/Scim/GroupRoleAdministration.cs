using Latchkey.Core.Admin;
using Latchkey.Core.Audit;
using Latchkey.Core.Common;

namespace Latchkey.Core.Scim;

/// <summary>A group as the admin API shows it: its SCIM identity, the Latchkey roles it carries, how many members it has.</summary>
public sealed record GroupRolesView(Guid Id, string DisplayName, string? ExternalId, IReadOnlyList<string> Roles, int MemberCount);

/// <summary>
/// The administrator's side of a group: which Latchkey roles its members hold. Only the admin API sets them (never a
/// SCIM client), and only an administrator who holds every permission of each role added or removed, the rule for
/// giving an account a role. Members' permissions follow in the same transaction (<see cref="GroupRoleSync"/>).
/// </summary>
public sealed class GroupRoleAdministration(
    IScimGroupStore groups, RoleService roles, AdminGuards guards, AdminAudit audit, GroupRoleSync sync, IUnitOfWork unitOfWork)
{
    public async Task<Result<Page<GroupRolesView>>> ListAsync(int page, int limit, CancellationToken ct)
    {
        if (PageLimits.Validate(page, limit) is { } invalid) return invalid;
        var (items, total) = await groups.ListWithMemberCountsAsync((page - 1) * limit, limit, ct);
        return new Page<GroupRolesView>([.. items.Select(i => View(i.Group, i.Members))], total, page, limit);
    }

    public async Task<Result<GroupRolesView>> GetAsync(Guid groupId, CancellationToken ct)
    {
        var group = await groups.FindAsync(groupId, ct);
        return group is null ? NotFound : await ViewAsync(group, ct);
    }

    public async Task<Result<GroupRolesView>> SetAsync(Guid groupId, IReadOnlyList<string?>? requested, AdminActor actor, CancellationToken ct)
    {
        if (requested is null) return AuthError.Field("roles", "roles is required (an empty list removes every role)");
        if (requested.Count > GroupRoles.MaxPerGroup) return AuthError.Field("roles", $"A group carries at most {GroupRoles.MaxPerGroup} roles");
        foreach (var name in requested)
            if (string.IsNullOrEmpty(name) || name.Contains(' ') || !await roles.ExistsAsync(name, ct))
                return AuthError.Field("roles", $"No role named '{name}'");
        var group = await groups.FindAsync(groupId, ct);
        if (group is null) return NotFound;

        var before = GroupRoles.Parse(group.Roles);
        var after = GroupRoles.Format(requested!);
        var changed = GroupRoles.Parse(after).Except(before).Concat(before.Except(GroupRoles.Parse(after))).ToList();
        foreach (var role in changed)
            if (await guards.CanGrantAsync(actor, role, ct) is { } refused) return refused;
        if (changed.Count == 0) return await ViewAsync(group, ct);

        group.Roles = after;
        var members = (await groups.MembersOfAsync([groupId], ct))[groupId].Select(m => m.UserId).ToList();
        audit.Record(ActivityTypes.AdminGroupRolesUpdated, actor, null,
            new { groupId, displayName = group.DisplayName, oldRoles = before, newRoles = GroupRoles.Parse(after), members = members.Count });
        var cutOff = await unitOfWork.InTransactionAsync(async token =>
        {
            await unitOfWork.SaveChangesAsync(token);
            return await sync.ApplyAsync(members, token);
        }, ct);
        sync.Forget(cutOff);
        return View(group, members.Count);
    }

    private async Task<GroupRolesView> ViewAsync(ScimGroup group, CancellationToken ct) =>
        View(group, (await groups.MembersOfAsync([group.Id], ct))[group.Id].Count());

    private static GroupRolesView View(ScimGroup group, int members) =>
        new(group.Id, group.DisplayName, group.ExternalId, GroupRoles.Parse(group.Roles), members);

    private static readonly AuthError NotFound = new(AuthErrorCodes.NotFound, "No such group");
}
