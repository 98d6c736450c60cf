using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Admin.Impersonation;

/// <summary>A started impersonation: the cookie secret goes to the administrator's browser only.</summary>
public sealed record ImpersonationStarted(Guid UserId, string Email, Guid SessionId, DateTime ExpiresAt, string CookieSecret);

/// <summary>
/// An administrator acting as a user: a separate, unelevated cookie session of the user marked with the
/// administrator (<see cref="Session.ImpersonatorId"/>), ending after <see cref="ImpersonationOptions.Duration"/>.
/// Both ends are audited with the reason; every row written meanwhile carries the administrator as actor_id.
/// </summary>
public sealed class ImpersonationService(
    IUserStore users,
    SessionIssuer issuer,
    ISessionStore sessions,
    RolePermissions permissions,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<ImpersonationOptions> options,
    TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    public async Task<Result<ImpersonationStarted>> StartAsync(AdminActor actor, bool cookieSession, Guid? userId, string? reason, CancellationToken ct)
    {
        if (userId is not { } id) return AuthError.Field("userId", "userId is required");
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) return AuthError.Field("reason", "reason is required: say why you act as this user");
        if (why.Length > MaxReasonLength) return AuthError.Field("reason", $"reason must be at most {MaxReasonLength} characters");
        if (!cookieSession)
            return new AuthError(AuthErrorCodes.SessionRequired, "Impersonation needs a browser session: its cookie sits beside your session cookie");
        if (id == actor.UserId) return new AuthError(AuthErrorCodes.Conflict, "You cannot impersonate yourself");
        var user = await users.FindByIdAsync(id, ct);
        if (user is null) return new AuthError(AuthErrorCodes.NotFound, "No such user");
        // A role held through a group counts: an administrator by group membership is not impersonated either.
        if ((await permissions.ForRolesAsync(user.Role, user.GroupRoles, ct)).Count > 0) return ImpersonationRules.Privileged;
        if (user.Disabled) return new AuthError(AuthErrorCodes.Conflict, "This account is disabled");

        var expiresAt = clock.GetUtcNow().UtcDateTime + options.Value.Duration;
        var context = actor.Context with { ActorId = actor.UserId };
        var issued = issuer.StartImpersonation(user, actor.UserId, expiresAt, context);
        activity.Record(ActivityTypes.AdminImpersonationStarted, user.Id, context,
            details: new { actorId = actor.UserId, reason = why, sessionId = issued.SessionId, expiresAt });
        await unitOfWork.SaveChangesAsync(ct);
        return new ImpersonationStarted(user.Id, user.Email, issued.SessionId, expiresAt, issued.CookieSecret!);
    }

    /// <summary>Ends the impersonation session the caller is in; false when the caller is not impersonating.</summary>
    public async Task<bool> StopAsync(Authentication.Caller caller, RequestContext context, CancellationToken ct)
    {
        if (caller is not { ActorId: { } actorId, SessionId: { } sessionId }) return false;
        await sessions.RevokeAsync(sessionId, clock.GetUtcNow().UtcDateTime, RevokeReasons.ImpersonationStopped, ct);
        activity.Record(ActivityTypes.AdminImpersonationStopped, caller.UserId, context with { ActorId = actorId },
            details: new { actorId, sessionId });
        await unitOfWork.SaveChangesAsync(ct);
        return true;
    }
}
