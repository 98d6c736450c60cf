using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.Webhooks;
using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/webhooks</c> (webhooks:read): every webhook as <c>/api/admin/webhooks</c> lists them, and (webhooks:manage)
/// the form that creates one through <see cref="WebhookAdministration"/>, audited with the administrator. The new
/// signing secret is shown once, on the answer to the POST that made it.
/// </summary>
internal static class WebhooksPage
{
    public static async Task<IResult> ListAsync(AdminConsole console, WebhookAdministration webhooks, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.WebhooksRead, ct);
        return admin is null ? refused! : await ListPageAsync(http, admin, webhooks, WebhookForm.Empty, null, StatusCodes.Status200OK, ct);
    }

    public static async Task<IResult> CreateAsync(AdminConsole console, FlowForms forms, WebhookAdministration webhooks, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.WebhooksManage, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.Webhooks, ct);
        if (form is null) return expired!;
        var typed = WebhookForm.From(form);
        var created = await webhooks.CreateAsync(typed.Draft(creating: true), admin.Actor(http), ct);
        return created.IsSuccess
            ? Secret(http, admin, created.Value.Webhook, created.Value.Secret, "created")
            : await ListPageAsync(http, admin, webhooks, typed, created.Error, AdminErrorStatus.For(created.Error), ct);
    }

    private static async Task<IResult> ListPageAsync(HttpContext http, AdminCaller admin, WebhookAdministration webhooks, WebhookForm typed, AuthError? error,
        int status, CancellationToken ct) =>
        PageResults.Page<WebhooksView>(http, new Dictionary<string, object?>
        {
            [nameof(WebhooksView.Admin)] = admin,
            [nameof(WebhooksView.Webhooks)] = await webhooks.ListAsync(ct),
            [nameof(WebhooksView.Typed)] = typed,
            [nameof(WebhooksView.Error)] = error,
            [nameof(WebhooksView.Deleted)] = http.Request.Query["deleted"] == "1",
        }, status);

    public static IResult Secret(HttpContext http, AdminCaller admin, WebhookView webhook, string secret, string what) =>
        PageResults.Page<WebhookSecretView>(http, new Dictionary<string, object?>
        {
            [nameof(WebhookSecretView.Admin)] = admin,
            [nameof(WebhookSecretView.Webhook)] = webhook,
            [nameof(WebhookSecretView.Secret)] = secret,
            [nameof(WebhookSecretView.What)] = what,
        });

    public static IResult NotFound(HttpContext http) =>
        MessagePage.Render(http, "No such webhook", "No such webhook", "There is no webhook with this id; it may have been deleted.",
            [new("webhooks-link", "Back to the webhooks", AdminPaths.Webhooks)], StatusCodes.Status404NotFound, isError: true);
}
