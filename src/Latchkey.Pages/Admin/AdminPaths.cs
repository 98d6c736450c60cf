namespace Latchkey.Pages.Admin;

/// <summary>The admin console's addresses, in one place so links, forms and tests agree.</summary>
public static class AdminPaths
{
    public const string Root = "/admin";
    public const string Users = "/admin/users";
    public const string Activity = "/admin/activity";
    public const string Sessions = "/admin/sessions";
    public const string Roles = "/admin/roles";
    public const string Settings = "/admin/settings";
    public const string Clients = "/admin/clients";
    public const string Keys = "/admin/keys";
    public const string StopImpersonating = "/admin/impersonation/stop";

    public static string User(Guid id) => $"{Users}/{id}";

    public static string Action(Guid id, string action) => $"{Users}/{id}/{action}";

    public static string RevokeSession(Guid id) => $"{Sessions}/{id}/revoke";

    public static string Client(Guid id) => $"{Clients}/{id}";

    public static string Role(string name) => $"{Roles}/{Uri.EscapeDataString(name)}";
}
