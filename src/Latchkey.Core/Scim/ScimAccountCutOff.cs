using Latchkey.Core.Admin;
using Latchkey.Core.OAuth;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;

namespace Latchkey.Core.Scim;

/// <summary>
/// What taking an account away means, done with the same primitives the admin "disable" and "delete" use: every
/// session and refresh token revoked in the caller's transaction, this node's session-state cache dropped (so access
/// tokens are refused at once here, within the cache duration elsewhere), and OpenID Back-Channel Logout to clients
/// that held grants of a deleted account. API keys of a disabled account are refused by the authenticator.
/// </summary>
public sealed class ScimAccountCutOff(ISessionStore sessions, IAdminStore admin, IOAuthClientStore clients, SessionStateCache sessionState,
    BackChannelLogout backChannel, AdminGuards guards)
{
    /// <summary>Refuses to disable or delete the last usable administrator, whoever asks.</summary>
    public async Task<Common.AuthError?> GuardAsync(User user, CancellationToken ct) =>
        await guards.LastAdminAsync(user, ct) is { } refused ? ScimErrors.Mutability(refused.Message) : null;

    /// <summary>Inside the caller's transaction.</summary>
    public Task RevokeAsync(Guid userId, DateTime now, CancellationToken ct) => sessions.RevokeAllAsync(userId, null, now, RevokeReasons.Admin, ct);

    /// <summary>After the commit.</summary>
    public void Forget(Guid userId) => sessionState.ForgetUser(userId);

    public Task<IReadOnlyList<Session>> GrantsAsync(Guid userId, DateTime now, CancellationToken ct) => admin.ListActiveGrantsAsync(userId, now, ct);

    public Task<bool> DeleteAsync(Guid userId, CancellationToken ct) => admin.DeleteUserAsync(userId, ct);

    /// <summary>Back-channel logout to every client that held a grant of the deleted account, one notice per browser session.</summary>
    public async Task NotifyClientsAsync(Guid userId, IReadOnlyList<Session> grants, CancellationToken ct)
    {
        foreach (var browserSession in grants.GroupBy(g => g.BrowserSessionId ?? g.Id))
        {
            var ids = browserSession.Select(g => g.ClientRowId!.Value).Distinct().ToList();
            backChannel.Notify(await clients.FindByIdsAsync(ids, ct), userId, browserSession.Key);
        }
    }
}
