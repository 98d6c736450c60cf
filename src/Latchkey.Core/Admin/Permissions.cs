namespace Latchkey.Core.Admin;

/// <summary>
/// The named permissions an administrative operation checks. A role grants a set of them; every admin
/// operation, whichever surface calls it (Admin API, Nube admin, SCIM, console), checks exactly one.
/// </summary>
public static class Permissions
{
    public const string UsersRead = "users:read";
    public const string UsersWrite = "users:write";
    /// <summary>Lock and unlock accounts only (what a moderator may change on a user).</summary>
    public const string UsersLock = "users:lock";
    public const string UsersDelete = "users:delete";
    public const string SessionsRead = "sessions:read";
    public const string SessionsRevoke = "sessions:revoke";
    public const string ActivityRead = "activity:read";
    public const string RolesManage = "roles:manage";
    public const string SettingsRead = "settings:read";
    public const string SettingsWrite = "settings:write";
    public const string ClientsManage = "clients:manage";
    public const string KeysRotate = "keys:rotate";
    public const string StatsRead = "stats:read";
    /// <summary>The analytics series (registrations, sign-ins, failures, active users, adoption over time).</summary>
    public const string AnalyticsRead = "analytics:read";
    public const string Impersonate = "impersonate";
    /// <summary>Plans, licenses and usage (the Nube admin endpoints).</summary>
    public const string LicensesManage = "licenses:manage";
    public const string WebhooksRead = "webhooks:read";
    public const string WebhooksManage = "webhooks:manage";

    public static readonly IReadOnlyList<string> All =
    [
        UsersRead, UsersWrite, UsersLock, UsersDelete, SessionsRead, SessionsRevoke, ActivityRead, RolesManage,
        SettingsRead, SettingsWrite, ClientsManage, KeysRotate, StatsRead, AnalyticsRead, Impersonate, LicensesManage, WebhooksRead, WebhooksManage,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string permission) => Known.Contains(permission);
}
