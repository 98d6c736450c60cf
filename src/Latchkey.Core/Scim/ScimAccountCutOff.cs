using Latchkey.Core.Admin;
using Latchkey.Core.OAuth.BackChannel;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;

namespace Latchkey.Core.Scim;

/// <summary>
/// What taking an account away means, done with the same primitives the admin "disable" and "delete" use: every
/// session and refresh token revoked in the caller's transaction, this node's session-state cache dropped (so access
/// tokens are refused at once here, within the cache duration elsewhere), and OpenID Back-Channel Logout queued in the same
/// transaction for clients that held grants. API keys of a disabled account are refused by the authenticator.
/// </summary>
public sealed class ScimAccountCutOff(ISessionStore sessions, IAdminStore admin, SessionStateCache sessionState,
    BackChannelLogoutQueue backChannel, AdminGuards guards)
{
    /// <summary>Refuses to disable or delete the last usable administrator, whoever asks.</summary>
    public async Task<Common.AuthError?> GuardAsync(User user, CancellationToken ct) =>
        await guards.LastAdminAsync(user, ct) is { } refused ? ScimErrors.Mutability(refused.Message) : null;

    /// <summary>Inside the caller's transaction: back-channel logouts for the grants it ends are queued with it.</summary>
    public async Task RevokeAsync(Guid userId, DateTime now, CancellationToken ct)
    {
        await backChannel.EnqueueAllAsync(userId, now, ct);
        await sessions.RevokeAllAsync(userId, null, now, RevokeReasons.Admin, ct);
    }

    /// <summary>After the commit.</summary>
    public void Forget(Guid userId) => sessionState.ForgetUser(userId);

    public Task<IReadOnlyList<Session>> GrantsAsync(Guid userId, DateTime now, CancellationToken ct) => admin.ListActiveGrantsAsync(userId, now, ct);

    public Task<bool> DeleteAsync(Guid userId, CancellationToken ct) => admin.DeleteUserAsync(userId, ct);

    /// <summary>Inside the caller's transaction, before the deletion: back-channel logout to every client that held a grant.</summary>
    public Task QueueLogoutsAsync(Guid userId, IReadOnlyList<Session> grants, CancellationToken ct) => backChannel.EnqueueAsync(userId, grants, ct);
}
