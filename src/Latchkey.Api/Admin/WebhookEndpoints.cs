using Latchkey.Api.Admin.Contracts;
using Latchkey.Api.Authentication;
using Latchkey.Core.Admin;
using Latchkey.Core.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Admin;

/// <summary>
/// <c>/api/admin/webhooks</c>: the seed's list, create, read (with recent deliveries), change, delete and test, plus
/// the delivery history filtered by status, redelivery of one delivery, and secret rotation (docs/webhooks.md).
/// </summary>
public static class WebhookEndpoints
{
    public static void MapAdminWebhooks(this RouteGroupBuilder admin)
    {
        var webhooks = admin.MapGroup("/webhooks");
        webhooks.MapGet("", List).RequirePermission(Permissions.WebhooksRead);
        webhooks.MapPost("", Create).RequirePermission(Permissions.WebhooksManage);
        webhooks.MapGet("/{id:guid}", Get).RequirePermission(Permissions.WebhooksRead);
        webhooks.MapPut("/{id:guid}", Update).RequirePermission(Permissions.WebhooksManage);
        webhooks.MapDelete("/{id:guid}", Delete).RequirePermission(Permissions.WebhooksManage);
        webhooks.MapPost("/{id:guid}/test", Test).RequirePermission(Permissions.WebhooksManage);
        webhooks.MapPost("/{id:guid}/rotate-secret", RotateSecret).RequirePermission(Permissions.WebhooksManage);
        webhooks.MapGet("/{id:guid}/deliveries", Deliveries).RequirePermission(Permissions.WebhooksRead);
        webhooks.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", Redeliver).RequirePermission(Permissions.WebhooksManage);
    }

    private static async Task<IResult> List(WebhookAdministration webhooks, CancellationToken ct) =>
        Results.Ok(new WebhooksResponse(true, await webhooks.ListAsync(ct)));

    private static async Task<IResult> Create(WebhookRequest body, WebhookAdministration webhooks, HttpContext http, CancellationToken ct)
    {
        var created = await webhooks.CreateAsync(body.ToDraft(), http.Actor(), ct);
        return created.IsSuccess
            ? Results.Json(new WebhookSecretResponse(true, created.Value.Webhook, created.Value.Secret), statusCode: StatusCodes.Status201Created)
            : AdminHttp.Error(created.Error);
    }

    private static async Task<IResult> Get(Guid id, string? status, WebhookAdministration webhooks, CancellationToken ct) =>
        AdminHttp.OkOr(await webhooks.GetAsync(id, status, ct), found => new WebhookDetailResponse(true, found.Webhook, found.Deliveries));

    private static async Task<IResult> Update(Guid id, WebhookRequest body, WebhookAdministration webhooks, HttpContext http, CancellationToken ct) =>
        AdminHttp.OkOr(await webhooks.UpdateAsync(id, body.ToDraft(), http.Actor(), ct), webhook => new WebhookResponse(true, webhook));

    private static async Task<IResult> Delete(Guid id, WebhookAdministration webhooks, HttpContext http, CancellationToken ct) =>
        AdminHttp.OkOr(await webhooks.DeleteAsync(id, http.Actor(), ct), _ => new AdminMessageResponse(true, "Webhook and its delivery records deleted"));

    private static async Task<IResult> Test(Guid id, WebhookAdministration webhooks, HttpContext http, CancellationToken ct) =>
        AdminHttp.OkOr(await webhooks.TestAsync(id, http.Actor(), ct),
            delivery => new WebhookTestResponse(true, delivery.Status == WebhookDeliveryStatuses.Delivered, delivery));

    private static async Task<IResult> RotateSecret(Guid id, WebhookAdministration webhooks, HttpContext http, CancellationToken ct) =>
        AdminHttp.OkOr(await webhooks.RotateSecretAsync(id, http.Actor(), ct), rotated => new WebhookSecretResponse(true, rotated.Webhook, rotated.Secret));

    private static async Task<IResult> Deliveries(Guid id, string? status, int? page, int? limit, WebhookAdministration webhooks, CancellationToken ct) =>
        AdminHttp.OkOr(await webhooks.DeliveriesAsync(id, status, page ?? 1, limit ?? PageLimits.DefaultLimit, ct),
            found => new WebhookDeliveriesResponse(true, found.Items, found.Pagination()));

    private static async Task<IResult> Redeliver(Guid id, Guid deliveryId, WebhookAdministration webhooks, HttpContext http, CancellationToken ct)
    {
        var requeued = await webhooks.RedeliverAsync(id, deliveryId, http.Actor(), ct);
        return requeued.IsSuccess
            ? Results.Json(new AdminMessageResponse(true, "Delivery queued again"), statusCode: StatusCodes.Status202Accepted)
            : AdminHttp.Error(requeued.Error);
    }
}
