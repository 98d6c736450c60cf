using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Users;

namespace Latchkey.Core.Sessions;

/// <summary>
/// The last step of every sign-in that has already proven who the user is: start the session, note the
/// sign-in time and the activity row, and commit them with whatever the use case changed, in one save.
/// </summary>
public sealed class SessionStarter(SessionIssuer issuer, ActivityLog activity, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public async Task<StartedSession> StartAsync(User user, string kind, string authMethod, RequestContext context, CancellationToken ct)
    {
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        var issued = issuer.Start(user, kind, authMethod, context);
        activity.Record(ActivityTypes.LoginSucceeded, user.Id, context, details: new { method = authMethod, sessionId = issued.SessionId });
        await unitOfWork.SaveChangesAsync(ct);
        return new StartedSession(issued, user);
    }
}

/// <summary>A session just started and the account it belongs to (surfaces describe both in one answer).</summary>
public sealed record StartedSession(IssuedSession Session, User User);
