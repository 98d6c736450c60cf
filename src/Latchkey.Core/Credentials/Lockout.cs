using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Credentials;

/// <summary>Counts wrong passwords per account and locks it for a while past the limit (ASVS 6.3).</summary>
public sealed class Lockout(IOptions<LockoutOptions> options, TimeProvider clock)
{
    public bool IsLocked(User user) => user.LockoutEndsAt is { } end && end > clock.GetUtcNow().UtcDateTime;

    public DateTime? LockedUntil(User user) => IsLocked(user) ? user.LockoutEndsAt : null;

    /// <summary>Records a failure on the tracked user; true when this failure locked the account.</summary>
    public bool RecordFailure(User user)
    {
        var settings = options.Value;
        if (settings.MaxFailedAttempts == 0) return false;
        user.FailedSignInCount++;
        if (user.FailedSignInCount < settings.MaxFailedAttempts) return false;
        user.FailedSignInCount = 0;
        user.LockoutEndsAt = clock.GetUtcNow().UtcDateTime + settings.Duration;
        return true;
    }

    public void RecordSuccess(User user)
    {
        user.FailedSignInCount = 0;
        user.LockoutEndsAt = null;
    }
}
