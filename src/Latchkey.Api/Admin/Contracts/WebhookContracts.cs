using Latchkey.Core.Webhooks;

namespace Latchkey.Api.Admin.Contracts;

/// <summary>POST /api/admin/webhooks (url and events required) and PUT /api/admin/webhooks/{id} (only the fields present change).</summary>
public sealed record WebhookRequest(string? Url, List<string>? Events, bool? Active, string? Description, string? Secret)
{
    public WebhookDraft ToDraft() => new(Url, Events, Active, Description, Secret);
}

public sealed record WebhooksResponse(bool Success, IReadOnlyList<WebhookView> Webhooks);

public sealed record WebhookResponse(bool Success, WebhookView Webhook);

/// <summary>Create and rotate-secret: the only answers that carry the secret.</summary>
public sealed record WebhookSecretResponse(bool Success, WebhookView Webhook, string Secret);

public sealed record WebhookDetailResponse(bool Success, WebhookView Webhook, IReadOnlyList<WebhookDeliveryView> Deliveries);

public sealed record WebhookDeliveriesResponse(bool Success, IReadOnlyList<WebhookDeliveryView> Deliveries, AdminPagination Pagination);

public sealed record WebhookTestResponse(bool Success, bool Delivered, WebhookDeliveryView Delivery);
