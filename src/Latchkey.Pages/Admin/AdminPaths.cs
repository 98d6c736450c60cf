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
    public const string Webhooks = "/admin/webhooks";
    public const string Plans = "/admin/plans";
    public const string Licenses = "/admin/licenses";
    public const string StopImpersonating = "/admin/impersonation/stop";

    public static string User(Guid id) => $"{Users}/{id}";

    public static string Action(Guid id, string action) => $"{Users}/{id}/{action}";

    public static string RevokeSession(Guid id) => $"{Sessions}/{id}/revoke";

    public static string Client(Guid id) => $"{Clients}/{id}";

    public static string Webhook(Guid id) => $"{Webhooks}/{id}";

    public static string Deliveries(Guid id) => $"{Webhooks}/{id}/deliveries";

    public static string Redeliver(Guid id, Guid deliveryId) => $"{Webhooks}/{id}/deliveries/{deliveryId}/redeliver";

    public static string Plan(Guid id) => $"{Plans}/{id}";

    public static string License(Guid id) => $"{Licenses}/{id}";

    public static string Role(string name) => $"{Roles}/{Uri.EscapeDataString(name)}";
}
