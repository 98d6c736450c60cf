using Latchkey.Api.Admin.Contracts;
using Latchkey.Api.Authentication;
using Latchkey.Core.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Admin;

/// <summary><c>/api/admin/roles</c>: built-in and custom roles with their permissions (roles:manage).</summary>
public static class RoleEndpoints
{
    public static void MapAdminRoles(this RouteGroupBuilder admin)
    {
        var roles = admin.MapGroup("/roles");
        roles.MapGet("", List).RequirePermission(Permissions.RolesManage);
        roles.MapPost("", Create).RequirePermission(Permissions.RolesManage);
        roles.MapPut("/{name}", Update).RequirePermission(Permissions.RolesManage);
        roles.MapDelete("/{name}", Delete).RequirePermission(Permissions.RolesManage);
    }

    private static async Task<IResult> List(RoleService roles, CancellationToken ct) =>
        Results.Ok(new RolesResponse(true, await roles.ListAsync(ct)));

    private static async Task<IResult> Create(RoleRequest body, RoleService roles, HttpContext http, CancellationToken ct)
    {
        var created = await roles.CreateAsync(new RoleDraft(body.Name, body.Description, body.Permissions), http.Actor(), ct);
        return created.IsSuccess
            ? Results.Json(new RoleResponse(true, created.Value), statusCode: StatusCodes.Status201Created)
            : AdminHttp.Error(created.Error);
    }

    private static async Task<IResult> Update(string name, RoleRequest body, RoleService roles, HttpContext http, CancellationToken ct) =>
        AdminHttp.OkOr(await roles.UpdateAsync(name, new RoleDraft(name, body.Description, body.Permissions), http.Actor(), ct),
            role => new RoleResponse(true, role));

    private static async Task<IResult> Delete(string name, RoleService roles, HttpContext http, CancellationToken ct) =>
        AdminHttp.OkOr(await roles.DeleteAsync(name, http.Actor(), ct), _ => new AdminMessageResponse(true, "Role deleted"));
}
