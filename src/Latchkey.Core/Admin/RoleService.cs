using Latchkey.Core.Audit;
using Latchkey.Core.Common;

namespace Latchkey.Core.Admin;

/// <summary>Lists, creates, changes and deletes roles. Built-in roles are read-only; a role someone holds, or a group carries, cannot be deleted.</summary>
public sealed class RoleService(IRoleStore roles, RolePermissions cache, AdminAudit audit, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public async Task<IReadOnlyList<RoleView>> ListAsync(CancellationToken ct)
    {
        var list = new List<RoleView>();
        foreach (var (name, (description, permissions)) in BuiltInRoles.All)
            list.Add(new RoleView(name, description, Permissions.All.Where(permissions.Contains).ToList(), true, await roles.CountUsersAsync(name, ct)));
        foreach (var role in await roles.ListAsync(ct))
            list.Add(new RoleView(role.Name, role.Description, role.PermissionList, false, await roles.CountUsersAsync(role.Name, ct)));
        return list;
    }

    public async Task<Result<RoleView>> CreateAsync(RoleDraft draft, AdminActor actor, CancellationToken ct)
    {
        if ((RoleDraftValidator.ValidateName(draft.Name) ?? RoleDraftValidator.ValidateBody(draft)) is { } invalid) return invalid;
        if (BuiltInRoles.IsBuiltIn(draft.Name!) || await roles.FindAsync(draft.Name!, ct) is not null)
            return new AuthError(AuthErrorCodes.Conflict, $"A role named '{draft.Name}' already exists");
        var now = clock.GetUtcNow().UtcDateTime;
        var role = new Role { Name = draft.Name!, Description = draft.Description, Permissions = Format(draft.Permissions!), CreatedAt = now, UpdatedAt = now };
        roles.Add(role);
        audit.Record(ActivityTypes.AdminRoleCreated, actor, null, new { role = role.Name, permissions = role.Permissions });
        await unitOfWork.SaveChangesAsync(ct);
        cache.Invalidate();
        return new RoleView(role.Name, role.Description, role.PermissionList, false, 0);
    }

    public async Task<Result<RoleView>> UpdateAsync(string name, RoleDraft draft, AdminActor actor, CancellationToken ct)
    {
        if (BuiltInRoles.IsBuiltIn(name)) return BuiltInReadOnly(name);
        if (RoleDraftValidator.ValidateBody(draft) is { } invalid) return invalid;
        var role = await roles.FindAsync(name, ct);
        if (role is null) return NotFound;
        var before = role.Permissions;
        role.Description = draft.Description;
        role.Permissions = Format(draft.Permissions!);
        role.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(ActivityTypes.AdminRoleUpdated, actor, null, new { role = name, oldPermissions = before, newPermissions = role.Permissions });
        await unitOfWork.SaveChangesAsync(ct);
        cache.Invalidate();
        return new RoleView(role.Name, role.Description, role.PermissionList, false, await roles.CountUsersAsync(name, ct));
    }

    public async Task<Result<Unit>> DeleteAsync(string name, AdminActor actor, CancellationToken ct)
    {
        if (BuiltInRoles.IsBuiltIn(name)) return BuiltInReadOnly(name);
        var role = await roles.FindAsync(name, ct);
        if (role is null) return NotFound;
        var holders = await roles.CountUsersAsync(name, ct);
        if (holders > 0) return new AuthError(AuthErrorCodes.Conflict, $"The role is held by {holders} account(s); move them to another role first");
        var groups = await roles.CountGroupsAsync(name, ct);
        if (groups > 0) return new AuthError(AuthErrorCodes.Conflict, $"The role is carried by {groups} group(s); take it off them first");
        roles.Remove(role);
        audit.Record(ActivityTypes.AdminRoleDeleted, actor, null, new { role = name });
        await unitOfWork.SaveChangesAsync(ct);
        cache.Invalidate();
        return Unit.Value;
    }

    /// <summary>Whether a role name can be given to an account (built-in or an existing custom role).</summary>
    public async Task<bool> ExistsAsync(string name, CancellationToken ct) =>
        BuiltInRoles.IsBuiltIn(name) || await roles.FindAsync(name, ct) is not null;

    private static string Format(IEnumerable<string> permissions) => string.Join(' ', permissions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static AuthError BuiltInReadOnly(string name) => new(AuthErrorCodes.Conflict, $"'{name}' is a built-in role and cannot be changed or deleted");

    private static readonly AuthError NotFound = new(AuthErrorCodes.NotFound, "No such role");
}
