using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Pages.Admin;

/// <summary>
/// The admin console under <c>/admin</c>: server-rendered pages over the admin API's core services. Each handler
/// lets in only the permission it needs (<see cref="AdminConsole"/>); each POST checks its antiforgery token and
/// asks for an explicit confirmation.
/// </summary>
public static class AdminConsoleEndpoints
{
    /// <summary>The console's paths, for the host's HTML error pages (see <c>HostedPageErrors</c>).</summary>
    public static readonly IReadOnlyList<string> Paths = [AdminPaths.Root];

    /// <summary>Maps the console; returns its POSTs so the host can put them under a rate limit.</summary>
    public static IReadOnlyList<IEndpointConventionBuilder> MapAdminConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet(AdminPaths.Root, DashboardPage.ShowAsync);
        app.MapGet(AdminPaths.Users, UsersPage.ShowAsync);
        app.MapGet(AdminPaths.Users + "/{id:guid}", (Guid id, string? done, AdminConsole console, Core.Admin.UserDirectory directory, HttpContext http, CancellationToken ct) =>
            UserPage.ShowAsync(id, done, console, directory, http, ct));
        app.MapGet(AdminPaths.Users + "/{id:guid}/{action}", (Guid id, string action, UserActionServices s, HttpContext http, CancellationToken ct) =>
            UserActionPage.ShowAsync(id, action, s, http, ct));
        app.MapGet(AdminPaths.Activity, ActivityPage.ShowAsync);
        app.MapGet(AdminPaths.Sessions, SessionsPage.ShowAsync);
        app.MapGet(AdminPaths.Sessions + "/{id:guid}/revoke", SessionsPage.ConfirmAsync);
        app.MapGet(AdminPaths.Roles, RolesPage.ListAsync);
        app.MapGet(AdminPaths.Roles + "/{name}", RolesPage.EditAsync);
        app.MapGet(AdminPaths.Settings, SettingsPage.ShowAsync);
        app.MapGet(AdminPaths.Clients, ClientsPage.ListAsync);
        app.MapGet(AdminPaths.Clients + "/{id:guid}", ClientsPage.EditAsync);
        app.MapGet(AdminPaths.Keys, KeysPage.ShowAsync);
        app.MapGet(AdminPaths.Webhooks, WebhooksPage.ListAsync);
        app.MapGet(AdminPaths.Webhooks + "/{id:guid}", WebhookPage.ShowAsync);
        app.MapGet(AdminPaths.Webhooks + "/{id:guid}/deliveries", WebhookDeliveriesPage.ShowAsync);
        app.MapGet(AdminPaths.Plans, PlansPage.ListAsync);
        app.MapGet(AdminPaths.Plans + "/{id:guid}", PlansPage.EditAsync);
        app.MapGet(AdminPaths.Licenses, LicensesPage.ListAsync);
        app.MapGet(AdminPaths.Licenses + "/{id:guid}", LicensePage.ShowAsync);
        return
        [
            app.MapPost(AdminPaths.Clients, ClientsPage.CreateAsync),
            app.MapPost(AdminPaths.Clients + "/{id:guid}", ClientsPage.ChangeAsync),
            app.MapPost(AdminPaths.Settings, SettingsPage.SaveAsync),
            app.MapPost(AdminPaths.Keys, KeysPage.RotateAsync),
            app.MapPost(AdminPaths.Roles, RolesPage.CreateAsync),
            app.MapPost(AdminPaths.Roles + "/{name}", RolesPage.UpdateAsync),
            app.MapPost(AdminPaths.Sessions + "/{id:guid}/revoke", SessionsPage.RevokeAsync),
            app.MapPost(AdminPaths.Users + "/{id:guid}/{action}", (Guid id, string action, UserActionServices s, HttpContext http, CancellationToken ct) =>
                UserActionPage.SubmitAsync(id, action, s, http, ct)),
            app.MapPost(AdminPaths.Webhooks, WebhooksPage.CreateAsync),
            app.MapPost(AdminPaths.Webhooks + "/{id:guid}", WebhookPage.ChangeAsync),
            app.MapPost(AdminPaths.Webhooks + "/{id:guid}/deliveries/{deliveryId:guid}/redeliver", WebhookDeliveriesPage.RedeliverAsync),
            app.MapPost(AdminPaths.Plans, PlansPage.CreateAsync),
            app.MapPost(AdminPaths.Plans + "/{id:guid}", PlansPage.UpdateAsync),
            app.MapPost(AdminPaths.Licenses, LicensesPage.GrantAsync),
            app.MapPost(AdminPaths.Licenses + "/{id:guid}", LicensePage.ChangeAsync),
            app.MapPost(AdminPaths.StopImpersonating, StopImpersonating.SubmitAsync),
        ];
    }
}
