using Latchkey.Core.Admin;

namespace Latchkey.Pages.Admin;

/// <summary>
/// One thing an administrator does to an account from its page, with the permission the admin API asks for it
/// and what the confirmation page says will happen. Every one is confirmed before it runs.
/// </summary>
public sealed record UserAction(string Slug, string Label, string Permission, string Consequence)
{
    public static readonly UserAction Lock = new("lock", "Lock", Permissions.UsersLock,
        "The account cannot sign in until an administrator unlocks it, and every session it has ends now.");
    public static readonly UserAction Unlock = new("unlock", "Unlock", Permissions.UsersLock, "The account can sign in again.");
    public static readonly UserAction Disable = new("disable", "Disable", Permissions.UsersWrite,
        "The account cannot sign in or use any token until it is enabled again, and every session it has ends now.");
    public static readonly UserAction Enable = new("enable", "Enable", Permissions.UsersWrite, "The account can sign in again.");
    public static readonly UserAction ChangeRole = new("role", "Change role", Permissions.UsersWrite,
        "The account gets the permissions of the new role, and every session it has ends now.");
    public static readonly UserAction RequirePasswordReset = new("require-password-reset", "Require a password reset", Permissions.UsersWrite,
        "The password is removed, every session ends, and a reset link is emailed to the account's address.");
    public static readonly UserAction SendVerification = new("send-verification", "Send verification", Permissions.UsersWrite,
        "A new link to verify the email address is mailed to the account's address (within the per-address mail limit).");
    public static readonly UserAction RevokeSessions = new("revoke-sessions", "Sign out everywhere", Permissions.SessionsRevoke,
        "Every active session of the account ends now; its refresh tokens stop working.");
    public static readonly UserAction Delete = new("delete", "Delete", Permissions.UsersDelete,
        "The account and everything it owns are deleted. This cannot be undone.");
    public static readonly UserAction Impersonate = new("impersonate", "Impersonate", Permissions.Impersonate,
        "This browser acts as the user until you stop (at most the configured time). Everything done meanwhile is recorded with your name.");

    public static readonly IReadOnlyList<UserAction> All = [Lock, Unlock, Disable, Enable, ChangeRole, RequirePasswordReset, SendVerification, RevokeSessions, Delete, Impersonate];

    public static UserAction? Find(string slug) => All.FirstOrDefault(a => a.Slug == slug);

    /// <summary>
    /// The actions that make sense for an account in <paramref name="status"/> (lock or unlock, disable or enable), and
    /// sending a verification link only while the address is not verified.
    /// </summary>
    public static IEnumerable<UserAction> For(string status, bool emailVerified) => All.Where(a =>
        a != (status == UserStatuses.Locked ? Lock : Unlock) && a != (status == UserStatuses.Disabled ? Disable : Enable)
        && (a != SendVerification || !emailVerified));
}
