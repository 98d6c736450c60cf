using Latchkey.Api.Admin.Contracts;
using Latchkey.Api.Authentication;
using Latchkey.Core.Admin;
using Latchkey.Core.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Admin;

/// <summary>
/// <c>/api/admin/groups</c>: the SCIM groups an identity provider pushed, and the Latchkey roles each carries. Reading
/// needs users:read; setting a group's roles needs roles:manage (and every permission of the roles changed).
/// </summary>
public static class GroupRoleEndpoints
{
    public static void MapAdminGroups(this RouteGroupBuilder admin)
    {
        var groups = admin.MapGroup("/groups");
        groups.MapGet("", List).RequirePermission(Permissions.UsersRead);
        groups.MapGet("/{id:guid}", Get).RequirePermission(Permissions.UsersRead);
        groups.MapPut("/{id:guid}/roles", SetRoles).RequirePermission(Permissions.RolesManage);
    }

    private static async Task<IResult> List(int? page, int? limit, GroupRoleAdministration groups, CancellationToken ct) =>
        AdminHttp.OkOr(await groups.ListAsync(page ?? 1, limit ?? PageLimits.DefaultLimit, ct),
            found => new GroupsResponse(true, found.Items, found.Pagination()));

    private static async Task<IResult> Get(Guid id, GroupRoleAdministration groups, CancellationToken ct) =>
        AdminHttp.OkOr(await groups.GetAsync(id, ct), group => new GroupResponse(true, group));

    private static async Task<IResult> SetRoles(Guid id, GroupRolesRequest body, GroupRoleAdministration groups, HttpContext http, CancellationToken ct) =>
        AdminHttp.OkOr(await groups.SetAsync(id, body.Roles, http.Actor(), ct), group => new GroupResponse(true, group));
}
