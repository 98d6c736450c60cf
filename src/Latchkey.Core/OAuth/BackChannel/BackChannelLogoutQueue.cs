using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;

namespace Latchkey.Core.OAuth.BackChannel;

/// <summary>
/// The one way a session-ending path (sign-out, RP-initiated logout, a user's or an administrator's revocation,
/// disabling, locking, deletion, SCIM deactivation and deletion) owes clients an OpenID Back-Channel Logout: it adds
/// one queue row per (client with a backchannel_logout_uri, ended browser session) to the caller's unit of work, so
/// the notices commit with the session's end or not at all. <see cref="BackChannelLogoutSender"/> sends them.
/// Call inside the caller's transaction, before its save.
/// </summary>
public sealed class BackChannelLogoutQueue(IBackChannelLogoutStore store, IOAuthClientStore clients, IAdminStore admin, TimeProvider clock)
{
    /// <summary>For <paramref name="grants"/> (OAuth grant sessions) that end now; one notice per client per browser session.</summary>
    public async Task EnqueueAsync(Guid userId, IReadOnlyCollection<Session> grants, CancellationToken ct)
    {
        var clientIds = grants.Where(g => g.ClientRowId is not null).Select(g => g.ClientRowId!.Value).Distinct().ToList();
        if (clientIds.Count == 0) return;
        // Only clients that take back-channel logout get rows; the sender checks again, since a client may change before it sends.
        var notified = (await clients.FindByIdsAsync(clientIds, ct))
            .Where(c => c.BackchannelLogoutUri is not null && c.Active).Select(c => c.Id).ToHashSet();
        if (notified.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (clientRowId, sessionId) in grants
                     .Where(g => g.ClientRowId is { } id && notified.Contains(id))
                     .Select(g => (g.ClientRowId!.Value, g.BrowserSessionId ?? g.Id)).Distinct())
        {
            store.Add(new BackChannelLogoutNotice
            {
                Id = Ids.New(), ClientRowId = clientRowId, UserId = userId, SessionId = sessionId, CreatedAt = now, NextAttemptAt = now,
            });
        }
    }

    /// <summary>For every active grant of the account: what revoking all of its sessions ends.</summary>
    public async Task EnqueueAllAsync(Guid userId, DateTime now, CancellationToken ct, Guid? keepSessionId = null)
    {
        var grants = await admin.ListActiveGrantsAsync(userId, now, ct);
        await EnqueueAsync(userId, keepSessionId is { } keep ? grants.Where(g => g.Id != keep).ToList() : grants, ct);
    }
}
