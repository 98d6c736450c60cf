using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.Webhooks;
using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/webhooks/{id}/deliveries</c> (webhooks:read): one page of the webhook's delivery history, newest first,
/// filtered by status as <c>GET /api/admin/webhooks/{id}/deliveries</c> filters it; with webhooks:manage, a finished
/// delivery can be sent again (<c>.../redeliver</c>, the same message id, audited with the administrator).
/// </summary>
internal static class WebhookDeliveriesPage
{
    public static async Task<IResult> ShowAsync(Guid id, AdminConsole console, WebhookAdministration webhooks, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.WebhooksRead, ct);
        if (admin is null) return refused!;
        var notice = http.Request.Query["redelivered"] == "1" ? "The delivery is queued again." : null;
        return await PageAsync(http, admin, webhooks, id, null, notice, ct);
    }

    public static async Task<IResult> RedeliverAsync(Guid id, Guid deliveryId, AdminConsole console, FlowForms forms, WebhookAdministration webhooks,
        HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.WebhooksManage, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.Deliveries(id), ct);
        if (form is null) return expired!;
        var requeued = await webhooks.RedeliverAsync(id, deliveryId, admin.Actor(http), ct);
        return requeued.IsSuccess ? Results.Redirect($"{AdminPaths.Deliveries(id)}?redelivered=1")
            : await PageAsync(http, admin, webhooks, id, requeued.Error, null, ct);
    }

    private static async Task<IResult> PageAsync(HttpContext http, AdminCaller admin, WebhookAdministration webhooks, Guid id, AuthError? refusal,
        string? notice, CancellationToken ct)
    {
        var webhook = await webhooks.FindAsync(id, ct);
        if (webhook is null) return WebhooksPage.NotFound(http);
        var q = http.Request.Query;
        var status = AdminQuery.Value(q["status"]);
        var found = await webhooks.DeliveriesAsync(id, status, AdminQuery.Page(q["page"]), PageLimits.DefaultLimit, ct);
        var error = refusal ?? (found.IsSuccess ? null : found.Error);
        return PageResults.Page<WebhookDeliveriesView>(http, new Dictionary<string, object?>
        {
            [nameof(WebhookDeliveriesView.Admin)] = admin,
            [nameof(WebhookDeliveriesView.Webhook)] = webhook,
            [nameof(WebhookDeliveriesView.Status)] = status,
            [nameof(WebhookDeliveriesView.Found)] = found.IsSuccess ? found.Value : null,
            [nameof(WebhookDeliveriesView.Error)] = error,
            [nameof(WebhookDeliveriesView.Notice)] = notice,
        }, error is null ? StatusCodes.Status200OK : AdminErrorStatus.For(error));
    }
}
