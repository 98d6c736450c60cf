using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth;
using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/clients</c> (clients:manage): every OAuth client, as <c>/api/admin/oauth-clients</c> lists them, and the
/// form that registers one; <c>/admin/clients/{id}</c> edits its redirect URIs, grants and flags, rotates its secret
/// or deletes it. All through <see cref="OAuthClientService"/> with no owner (the admin routes' call), each row of
/// the activity log naming the administrator. A new secret is shown once, on the answer to the POST that made it.
/// </summary>
internal static class ClientsPage
{
    public static async Task<IResult> ListAsync(AdminConsole console, OAuthClientService clients, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.ClientsManage, ct);
        return admin is null ? refused! : await ListPageAsync(http, admin, clients, ClientForm.Empty, null, StatusCodes.Status200OK, ct);
    }

    public static async Task<IResult> CreateAsync(AdminConsole console, FlowForms forms, OAuthClientService clients, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.ClientsManage, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.Clients, ct);
        if (form is null) return expired!;
        var typed = ClientForm.From(form);
        var created = await clients.CreateAsync(typed.Draft(), null, typed.FirstParty, ClientFieldNames.Platform, admin.ActingContext(http), ct);
        if (!created.IsSuccess) return await ListPageAsync(http, admin, clients, typed, ByField(created.Error), AdminErrorStatus.For(created.Error), ct);
        return Secret(http, admin, created.Value.Client, created.Value.ClientSecret, "created");
    }

    public static async Task<IResult> EditAsync(Guid id, AdminConsole console, OAuthClientService clients, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.ClientsManage, ct);
        if (admin is null) return refused!;
        var client = (await clients.ListAsync(null, ct)).FirstOrDefault(c => c.Id == id);
        return client is null ? NotFound(http) : EditPage(http, admin, client, ClientForm.Of(client), null, http.Request.Query["done"] == "1", StatusCodes.Status200OK);
    }

    public static async Task<IResult> ChangeAsync(Guid id, AdminConsole console, FlowForms forms, OAuthClientService clients, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.ClientsManage, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.Client(id), ct);
        if (form is null) return expired!;
        var client = (await clients.ListAsync(null, ct)).FirstOrDefault(c => c.Id == id);
        if (client is null) return NotFound(http);
        var typed = ClientForm.From(form);
        if (form["confirm"] != "yes") return EditPage(http, admin, client, typed, ConfirmBox.Missing, false, StatusCodes.Status400BadRequest);
        AuthError? error;
        switch (form["action"].ToString())
        {
            case "delete":
                error = Failure(await clients.DeleteAsync(id, null, admin.ActingContext(http), ct));
                return error is null ? Results.Redirect(AdminPaths.Clients) : EditPage(http, admin, client, typed, error, false, AdminErrorStatus.For(error));
            case "rotate":
                var rotated = await clients.RotateSecretAsync(id, null, admin.ActingContext(http), ct);
                return rotated.IsSuccess ? Secret(http, admin, rotated.Value.Client, rotated.Value.ClientSecret, "rotated")
                    : EditPage(http, admin, client, typed, rotated.Error, false, AdminErrorStatus.For(rotated.Error));
            default:
                error = Failure(await clients.UpdateAsync(id, null, typed.Draft(), true, typed.FirstParty, typed.Active, ClientFieldNames.Platform, admin.ActingContext(http), ct));
                return error is null ? Results.Redirect($"{AdminPaths.Client(id)}?done=1") : EditPage(http, admin, client, typed, ByField(error), false, AdminErrorStatus.For(error));
        }
    }

    /// <summary>The client validator names redirect URI errors by their code only: the page shows them by the redirect URIs field.</summary>
    private static AuthError ByField(AuthError error) =>
        error is { Code: AuthErrorCodes.InvalidRedirectUri, Details: null } ? AuthError.Field("redirectUris", error.Message) with { Code = error.Code } : error;

    private static AuthError? Failure<T>(Result<T> result) => result.IsSuccess ? null : result.Error;

    private static async Task<IResult> ListPageAsync(HttpContext http, AdminCaller admin, OAuthClientService clients, ClientForm typed, AuthError? error,
        int status, CancellationToken ct) =>
        PageResults.Page<ClientsView>(http, new Dictionary<string, object?>
        {
            [nameof(ClientsView.Admin)] = admin,
            [nameof(ClientsView.Clients)] = await clients.ListAsync(null, ct),
            [nameof(ClientsView.Typed)] = typed,
            [nameof(ClientsView.Error)] = error,
        }, status);

    private static IResult EditPage(HttpContext http, AdminCaller admin, OAuthClient client, ClientForm typed, AuthError? error, bool done, int status) =>
        PageResults.Page<ClientEditView>(http, new Dictionary<string, object?>
        {
            [nameof(ClientEditView.Admin)] = admin,
            [nameof(ClientEditView.Client)] = client,
            [nameof(ClientEditView.Typed)] = typed,
            [nameof(ClientEditView.Error)] = error,
            [nameof(ClientEditView.Done)] = done,
        }, status);

    private static IResult Secret(HttpContext http, AdminCaller admin, OAuthClient client, string? secret, string what) =>
        PageResults.Page<ClientSecretView>(http, new Dictionary<string, object?>
        {
            [nameof(ClientSecretView.Admin)] = admin,
            [nameof(ClientSecretView.Client)] = client,
            [nameof(ClientSecretView.Secret)] = secret,
            [nameof(ClientSecretView.What)] = what,
        });

    private static IResult NotFound(HttpContext http) =>
        MessagePage.Render(http, "No such client", "No such OAuth client", "There is no client with this id; it may have been deleted.",
            [new("clients-link", "Back to the clients", AdminPaths.Clients)], StatusCodes.Status404NotFound, isError: true);
}
