using Latchkey.Core.Common;
using Latchkey.Core.Users;

namespace Latchkey.Core.Admin;

/// <summary>
/// Protections around changing accounts: nobody removes the last usable administrator, an administrator
/// does not lock, demote, disable or delete their own account from the console, and nobody grants a role
/// with permissions they do not hold themselves.
/// </summary>
public sealed class AdminGuards(IAdminStore admin, RolePermissions permissions, TimeProvider clock)
{
    public static AuthError? Self(AdminActor actor, User target, string what) =>
        actor.UserId == target.Id
            ? new AuthError(AuthErrorCodes.Conflict, $"You cannot {what} your own account here; ask another administrator")
            : null;

    /// <summary>Refuses when <paramref name="target"/> is the only administrator able to act.</summary>
    public async Task<AuthError?> LastAdminAsync(User target, CancellationToken ct)
    {
        if (target.Role != Roles.Admin || target.Disabled) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (target.LockoutEndsAt > now) return null;
        return await admin.CountUsableHoldersAsync(Roles.Admin, now, ct) <= 1
            ? new AuthError(AuthErrorCodes.Conflict, "This is the last administrator; make another account administrator first")
            : null;
    }

    public async Task<AuthError?> CanGrantAsync(AdminActor actor, string role, CancellationToken ct)
    {
        var mine = await permissions.ForRolesAsync(actor.Role, actor.GroupRoles, ct);
        var theirs = await permissions.ForRoleAsync(role, ct);
        return theirs.IsSubsetOf(mine) ? null
            : new AuthError(AuthErrorCodes.Forbidden, "You cannot grant a role with permissions you do not hold");
    }
}
