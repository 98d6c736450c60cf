using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Pages.Flows;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/roles</c> (roles:manage): the roles of <c>GET /api/admin/roles</c> and the form that creates one;
/// <c>/admin/roles/{name}</c> changes a custom role's description and permissions or deletes it. All through
/// <see cref="RoleService"/>, which keeps built-in roles read-only, refuses deleting a held role and audits each change.
/// </summary>
internal static class RolesPage
{
    public static async Task<IResult> ListAsync(AdminConsole console, RoleService roles, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.RolesManage, ct);
        return admin is null ? refused! : await ListPageAsync(http, admin, roles, new RoleDraft(null, null, []), null, http.Request.Query["done"], StatusCodes.Status200OK, ct);
    }

    public static async Task<IResult> CreateAsync(AdminConsole console, FlowForms forms, RoleService roles, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.RolesManage, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.Roles, ct);
        if (form is null) return expired!;
        var draft = Draft(form, form["name"]);
        var created = await roles.CreateAsync(draft, admin.Actor(http), ct);
        return created.IsSuccess
            ? Results.Redirect(AdminQuery.Link(AdminPaths.Roles, ("done", created.Value.Name)))
            : await ListPageAsync(http, admin, roles, draft, created.Error, null, AdminErrorStatus.For(created.Error), ct);
    }

    public static async Task<IResult> EditAsync(string name, AdminConsole console, RoleService roles, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.RolesManage, ct);
        if (admin is null) return refused!;
        var role = (await roles.ListAsync(ct)).FirstOrDefault(r => r.Name == name);
        return role is null ? NotFound(http) : EditPage(http, admin, role, role.Description, role.Permissions, null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> UpdateAsync(string name, AdminConsole console, FlowForms forms, RoleService roles, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.RolesManage, ct);
        if (admin is null) return refused!;
        var (form, expired) = await forms.ReadAsync(http, AdminPaths.Role(name), ct);
        if (form is null) return expired!;
        var role = (await roles.ListAsync(ct)).FirstOrDefault(r => r.Name == name);
        if (role is null) return NotFound(http);
        var draft = Draft(form, name);
        var deleting = form["action"] == "delete";
        var error = form["confirm"] != "yes" ? ConfirmBox.Missing
            : deleting ? Failure(await roles.DeleteAsync(name, admin.Actor(http), ct))
            : Failure(await roles.UpdateAsync(name, draft, admin.Actor(http), ct));
        if (error is not null) return EditPage(http, admin, role, draft.Description, draft.Permissions!, error, AdminErrorStatus.For(error));
        return Results.Redirect(AdminQuery.Link(AdminPaths.Roles, ("done", name)));
    }

    private static RoleDraft Draft(IFormCollection form, string? name) =>
        new(name, AdminQuery.Value(form["description"]), form["permissions"].Where(p => p is not null).Select(p => p!).ToList());

    private static AuthError? Failure<T>(Result<T> result) => result.IsSuccess ? null : result.Error;

    private static async Task<IResult> ListPageAsync(HttpContext http, AdminCaller admin, RoleService roles, RoleDraft draft, AuthError? error,
        string? done, int status, CancellationToken ct) =>
        PageResults.Page<RolesView>(http, new Dictionary<string, object?>
        {
            [nameof(RolesView.Admin)] = admin,
            [nameof(RolesView.Roles)] = await roles.ListAsync(ct),
            [nameof(RolesView.Draft)] = draft,
            [nameof(RolesView.Error)] = error,
            [nameof(RolesView.Done)] = AdminQuery.Value(done),
        }, status);

    private static IResult EditPage(HttpContext http, AdminCaller admin, RoleView role, string? description, IReadOnlyList<string> permissions,
        AuthError? error, int status) =>
        PageResults.Page<RoleEditView>(http, new Dictionary<string, object?>
        {
            [nameof(RoleEditView.Admin)] = admin,
            [nameof(RoleEditView.Role)] = role,
            [nameof(RoleEditView.Description)] = description,
            [nameof(RoleEditView.Permissions)] = permissions,
            [nameof(RoleEditView.Error)] = error,
        }, status);

    private static IResult NotFound(HttpContext http) =>
        MessagePage.Render(http, "No such role", "No such role", "There is no role with this name.",
            [new("roles-link", "Back to the roles", AdminPaths.Roles)], StatusCodes.Status404NotFound, isError: true);
}
