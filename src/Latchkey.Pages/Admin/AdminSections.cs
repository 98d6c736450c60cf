using Latchkey.Core.Admin;
using Latchkey.Pages.Layout;

namespace Latchkey.Pages.Admin;

/// <summary>The console's sections, each shown only to a role that may open it (a moderator sees fewer links).</summary>
internal static class AdminSections
{
    private static readonly (ConsoleLink Link, string? Permission)[] All =
    [
        (new(AdminPaths.Root, "Dashboard"), null),
        (new(AdminPaths.Users, "Users"), Permissions.UsersRead),
        (new(AdminPaths.Activity, "Activity"), Permissions.ActivityRead),
        (new(AdminPaths.Sessions, "Sessions"), Permissions.SessionsRead),
        (new(AdminPaths.Roles, "Roles"), Permissions.RolesManage),
        (new(AdminPaths.Settings, "Settings"), Permissions.SettingsRead),
        (new(AdminPaths.Clients, "OAuth clients"), Permissions.ClientsManage),
        (new(AdminPaths.Keys, "Signing keys"), Permissions.KeysRotate),
        (new(AdminPaths.Webhooks, "Webhooks"), Permissions.WebhooksRead),
        (new(AdminPaths.Licenses, "Licenses"), Permissions.LicensesManage),
        (new(AdminPaths.Plans, "Plans"), Permissions.LicensesManage),
    ];

    public static IReadOnlyList<ConsoleLink> For(AdminCaller admin) =>
        All.Where(s => s.Permission is null || admin.Can(s.Permission)).Select(s => s.Link).ToList();
}
