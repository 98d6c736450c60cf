using Latchkey.Core.Users;

namespace Latchkey.Core.Admin;

/// <summary>Applies a validated change to a tracked account and names the fields that really changed (for the audit row; never values of secrets).</summary>
public static class UserChangeApplier
{
    public static IReadOnlyList<string> Apply(User user, UserChange change, DateTime now)
    {
        var changed = new List<string>();
        if (change.Role is { } role && role != user.Role) { user.Role = role; changed.Add("role"); }
        if (change.Locked is { } locked)
        {
            user.LockoutEndsAt = locked ? AccountAdministration.LockedIndefinitely : null;
            if (!locked) user.FailedSignInCount = 0;
            changed.Add(locked ? "locked" : "unlocked");
        }
        if (change.Disabled is { } disabled && disabled != user.Disabled) { user.Disabled = disabled; changed.Add(disabled ? "disabled" : "enabled"); }
        if (change.FirstName is { } first) { user.FirstName = first.Length == 0 ? null : first; changed.Add("firstName"); }
        if (change.LastName is { } last) { user.LastName = last.Length == 0 ? null : last; changed.Add("lastName"); }
        if (change.Username is { } username)
        {
            user.Username = username;
            user.NormalizedUsername = UserNormalizer.NormalizeUsername(username);
            changed.Add("username");
        }
        if (change.EmailVerified is { } verified && verified != user.EmailVerified) { user.EmailVerified = verified; changed.Add("emailVerified"); }
        if (change.RequirePasswordReset == true)
        {
            // The old password stops working now; the account gets a reset link.
            user.PasswordHash = null;
            changed.Add("passwordResetRequired");
        }
        user.UpdatedAt = now;
        return changed;
    }
}
