using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.Webhooks;
using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/webhooks/{id}</c>: one webhook (webhooks:read) and, with webhooks:manage, its three forms: change the URL,
/// events and active flag; send a test event now (the attempt's outcome shown on the answer); rotate the secret or
/// delete the webhook, both confirmed. Every change goes through <see cref="WebhookAdministration"/>, which records it
/// with the administrator.
/// </summary>
internal static class WebhookPage
{
    public static async Task<IResult> ShowAsync(Guid id, AdminConsole console, WebhookAdministration webhooks, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.WebhooksRead, ct);
        if (admin is null) return refused!;
        var webhook = await webhooks.FindAsync(id, ct);
        if (webhook is null) return WebhooksPage.NotFound(http);
        var notice = http.Request.Query["done"] == "1" ? "Saved." : null;
        return Page(http, admin, webhook, WebhookForm.Of(webhook), null, notice, null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> ChangeAsync(Guid id, AdminConsole console, FlowForms forms, WebhookAdministration webhooks, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.WebhooksManage, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.Webhook(id), ct);
        if (form is null) return expired!;
        var webhook = await webhooks.FindAsync(id, ct);
        if (webhook is null) return WebhooksPage.NotFound(http);
        var actor = admin.Actor(http);
        switch (form["action"].ToString())
        {
            case "test":
                var tested = await webhooks.TestAsync(id, actor, ct);
                return tested.IsSuccess
                    ? Page(http, admin, webhook, WebhookForm.Of(webhook), null, null, tested.Value, StatusCodes.Status200OK)
                    : Page(http, admin, webhook, WebhookForm.Of(webhook), tested.Error, null, null, AdminErrorStatus.For(tested.Error));
            case "rotate" or "delete" when form["confirm"] != "yes":
                return Page(http, admin, webhook, WebhookForm.Of(webhook), ConfirmBox.Missing, null, null, StatusCodes.Status400BadRequest);
            case "rotate":
                var rotated = await webhooks.RotateSecretAsync(id, actor, ct);
                return rotated.IsSuccess ? WebhooksPage.Secret(http, admin, rotated.Value.Webhook, rotated.Value.Secret, "secret rotated")
                    : Page(http, admin, webhook, WebhookForm.Of(webhook), rotated.Error, null, null, AdminErrorStatus.For(rotated.Error));
            case "delete":
                var deleted = await webhooks.DeleteAsync(id, actor, ct);
                return deleted.IsSuccess ? Results.Redirect($"{AdminPaths.Webhooks}?deleted=1")
                    : Page(http, admin, webhook, WebhookForm.Of(webhook), deleted.Error, null, null, AdminErrorStatus.For(deleted.Error));
            default:
                var typed = WebhookForm.From(form);
                var saved = await webhooks.UpdateAsync(id, typed.Draft(creating: false), actor, ct);
                return saved.IsSuccess ? Results.Redirect($"{AdminPaths.Webhook(id)}?done=1")
                    : Page(http, admin, webhook, typed, saved.Error, null, null, AdminErrorStatus.For(saved.Error));
        }
    }

    private static IResult Page(HttpContext http, AdminCaller admin, WebhookView webhook, WebhookForm typed, AuthError? error, string? notice,
        WebhookDeliveryView? tested, int status) =>
        PageResults.Page<WebhookEditView>(http, new Dictionary<string, object?>
        {
            [nameof(WebhookEditView.Admin)] = admin,
            [nameof(WebhookEditView.Webhook)] = webhook,
            [nameof(WebhookEditView.Typed)] = typed,
            [nameof(WebhookEditView.Error)] = error,
            [nameof(WebhookEditView.Notice)] = notice,
            [nameof(WebhookEditView.Tested)] = tested,
        }, status);
}
