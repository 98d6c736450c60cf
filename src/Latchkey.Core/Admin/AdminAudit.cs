using Latchkey.Core.Audit;

namespace Latchkey.Core.Admin;

/// <summary>
/// Records an administrative action: the row belongs to the affected user (so it shows in their history)
/// or, when there is none, to the administrator; its details always name the administrator as actorId.
/// </summary>
public sealed class AdminAudit(ActivityLog activity)
{
    public void Record(string type, AdminActor actor, Guid? subjectUserId, object? facts = null) =>
        activity.Record(type, subjectUserId ?? actor.UserId, actor.Context, details: new { actorId = actor.UserId, facts });
}
