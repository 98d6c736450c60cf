using Latchkey.Core.Users;

namespace Latchkey.Core.Admin;

/// <summary>
/// The roles every installation has. They are defined here, not stored, so an upgrade that adds a
/// permission gives it to <c>admin</c> at once, and nobody can edit or delete them.
/// </summary>
public static class BuiltInRoles
{
    public static readonly IReadOnlyDictionary<string, (string Description, IReadOnlySet<string> Permissions)> All =
        new Dictionary<string, (string, IReadOnlySet<string>)>(StringComparer.Ordinal)
        {
            [Roles.Admin] = ("Everything", new HashSet<string>(Permissions.All, StringComparer.Ordinal)),
            [Roles.Moderator] = ("Read users, lock and unlock them, read and revoke sessions, read activity",
                new HashSet<string>(
                    [Permissions.UsersRead, Permissions.UsersLock, Permissions.SessionsRead, Permissions.SessionsRevoke, Permissions.ActivityRead],
                    StringComparer.Ordinal)),
            [Roles.User] = ("No administrative permission", new HashSet<string>(StringComparer.Ordinal)),
        };

    public static bool IsBuiltIn(string name) => All.ContainsKey(name);
}
