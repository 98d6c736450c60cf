using Latchkey.Core.Common;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Sessions;

/// <summary>
/// Step-up: sensitive operations (adding a factor, creating API keys, a password change without the
/// old password) need the session's last authentication to be recent. Signing in counts, so a fresh
/// session passes; later, the elevation endpoint renews it with a password, a TOTP code or a passkey.
/// </summary>
public sealed class StepUp(ISessionStore sessions, IOptions<StepUpOptions> options, TimeProvider clock)
{
    public static readonly AuthError Required = new(AuthErrorCodes.ElevationRequired,
        "This operation needs a recent sign-in; confirm your identity at /api/auth/elevate and retry");

    public async Task<bool> IsRecentAsync(Guid? sessionId, CancellationToken ct) =>
        sessionId is not null && IsRecent(await sessions.FindAsync(sessionId.Value, ct));

    private bool IsRecent(Session? session)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return session is { ElevatedAt: { } at, ImpersonatorId: null } && session.IsActive(now) && now - at <= options.Value.MaxAge;
    }

    /// <summary>
    /// Null when the session is recent enough, otherwise the error to answer with. An impersonation session is
    /// never enough: every step-up operation is a sensitive one the administrator may not do as the user.
    /// </summary>
    public async Task<AuthError?> RequireAsync(Guid? sessionId, CancellationToken ct)
    {
        if (sessionId is null) return Required;
        var session = await sessions.FindAsync(sessionId.Value, ct);
        if (session?.ImpersonatorId is not null) return Admin.Impersonation.ImpersonationRules.Refused;
        return IsRecent(session) ? null : Required;
    }

    /// <summary>Marks the session as just authenticated (tracked change: the caller saves).</summary>
    public async Task<DateTime?> ElevateAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await sessions.FindAsync(sessionId, ct);
        if (session is null) return null;
        session.ElevatedAt = clock.GetUtcNow().UtcDateTime;
        return session.ElevatedAt + options.Value.MaxAge;
    }
}
