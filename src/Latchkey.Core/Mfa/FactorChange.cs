using Latchkey.Core.Common;
using Latchkey.Core.Sessions;

namespace Latchkey.Core.Mfa;

/// <summary>The outcome of adding, changing or removing a factor.</summary>
public sealed record FactorChange(IReadOnlyList<string>? RecoveryCodes, int OtherSessionsRevoked);

/// <summary>
/// After a factor changes, the caller may ask to sign out every other session (someone else may
/// hold one). Shared by 2FA and passkey changes so they all offer it the same way.
/// </summary>
public sealed class FactorChangeFollowUp(SessionService sessions)
{
    public async Task<FactorChange> FinishAsync(Guid userId, Guid? sessionId, bool signOutOthers, IReadOnlyList<string>? codes, RequestContext context, CancellationToken ct)
    {
        var revoked = signOutOthers ? await sessions.RevokeOthersAsync(userId, sessionId, context, ct) : 0;
        return new FactorChange(codes, revoked);
    }
}
