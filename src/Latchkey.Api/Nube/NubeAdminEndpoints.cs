using Latchkey.Api.Nube.Contracts;
using Latchkey.Api.RateLimiting;
using Latchkey.Core.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Nube;

/// <summary>
/// <c>/v1/admin/users</c> (and the seed's pagination example <c>/v1/users?page&amp;limit</c>): the user directory
/// the Admin API serves, with the <c>users:read</c> permission and the admin rate limit.
/// </summary>
public static class NubeAdminEndpoints
{
    public static void MapNubeAdmin(this RouteGroupBuilder v1)
    {
        v1.MapGet("/admin/users", ListUsers).WithTags("Nube: admin").RequireNubePermission(Permissions.UsersRead).RateLimited(RateLimitPolicies.Admin);
        v1.MapGet("/users", ListUsers).WithTags("Nube: users").RequireNubePermission(Permissions.UsersRead).RateLimited(RateLimitPolicies.Admin);
    }

    private static async Task<IResult> ListUsers(int? page, int? limit, string? search, UserDirectory directory, HttpContext http, CancellationToken ct)
    {
        if (NubeResults.Paging(page, limit, out var p, out var l) is { } badPage) return NubeResults.Error(http, badPage);
        var result = await directory.SearchAsync(new UserQuery(search, null, null, null, null, UserSorts.CreatedAt, true, p, l), ct);
        return result.IsSuccess
            ? NubeResults.Page(http, result.Value.Items.Select(NubeUser.From).ToList(), p, l, result.Value.Total)
            : NubeResults.Error(http, result.Error);
    }
}
