using Latchkey.Core.Sessions;

namespace Latchkey.Core.Scim;

/// <summary>
/// Keeps each member's <see cref="Users.User.GroupRoles"/> equal to the roles of its groups, after a group's roles or
/// members changed. Runs in the caller's transaction after the group change is saved, so the account row never
/// disagrees with the groups. An account that loses a role is cut off as an administrator's role change cuts it off
/// (sessions and refresh tokens revoked, access tokens refused once the session-state cache forgets it), so a token
/// minted with the old roles does not keep them until it expires; gaining a role ends nothing.
/// </summary>
public sealed class GroupRoleSync(IScimGroupStore store, ISessionStore sessions, SessionStateCache sessionState, TimeProvider clock)
{
    /// <summary>Inside the caller's transaction; returns the accounts that lost a role, for <see cref="Forget"/> after the commit.</summary>
    public async Task<IReadOnlyList<Guid>> ApplyAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0) return [];
        var lost = await store.RefreshGroupRolesAsync(userIds, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var userId in lost) await sessions.RevokeAllAsync(userId, null, now, RevokeReasons.Admin, ct);
        return lost;
    }

    /// <summary>After the commit: this node stops accepting the cut-off accounts' access tokens at once.</summary>
    public void Forget(IReadOnlyList<Guid> userIds)
    {
        foreach (var userId in userIds) sessionState.ForgetUser(userId);
    }
}
