using Latchkey.Api.Admin.Contracts;
using Latchkey.Api.Authentication;
using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Latchkey.Api.Admin;

/// <summary><c>/api/admin/users</c>: search, one account's full picture, changes and deletion.</summary>
public static class UserEndpoints
{
    public static void MapAdminUsers(this RouteGroupBuilder admin)
    {
        var users = admin.MapGroup("/users");
        users.MapGet("", Search).RequirePermission(Permissions.UsersRead);
        users.MapGet("/{id:guid}", Get).RequirePermission(Permissions.UsersRead);
        // Lock and unlock need only users:lock; the core asks users:write for any other field.
        users.MapPut("/{id:guid}", Update).RequirePermission(Permissions.UsersLock);
        users.MapDelete("/{id:guid}", Delete).RequirePermission(Permissions.UsersDelete);
    }

    private static async Task<IResult> Search(
        string? search, string? role, string? status, DateTime? createdFrom, DateTime? createdTo, string? sort, string? order,
        int? page, int? limit, UserDirectory directory, CancellationToken ct)
    {
        if (order is not (null or "asc" or "desc")) return AdminHttp.Error(AuthError.Field("order", "order must be asc or desc"));
        var query = new UserQuery(search, role, status, Utc(createdFrom), Utc(createdTo), sort ?? UserSorts.CreatedAt,
            order != "asc", page ?? 1, limit ?? PageLimits.DefaultLimit);
        return AdminHttp.OkOr(await directory.SearchAsync(query, ct), found =>
            new UsersResponse(true, found.Items.Select(u => AdminUserView.From(u, directory.StatusOf(u))).ToList(), found.Pagination()));
    }

    private static async Task<IResult> Get(Guid id, UserDirectory directory, CancellationToken ct) =>
        AdminHttp.OkOr(await directory.GetAsync(id, ct), d => new UserDetailResponse(
            true, AdminUserView.From(d.User, d.Status), d.Permissions,
            d.SecondFactors.Select(f => new SecondFactorView(f.Method, f.IsDefault, f.CreatedAt)).ToList(), d.PasskeyCount,
            d.ConnectedServices.Select(i => new ConnectedServiceView(i.Provider, i.Email, i.CreatedAt)).ToList(),
            d.ActiveSessions.Select(AdminSessionView.From).ToList(), d.RecentActivity.Select(AdminActivityView.From).ToList()));

    private static async Task<IResult> Update(
        Guid id, UpdateUserRequest body, AccountAdministration accounts, UserDirectory directory, HttpContext http, CancellationToken ct)
    {
        var change = new UserChange(body.Role, body.Locked, body.Disabled, body.FirstName, body.LastName, body.Username,
            body.EmailVerified, body.RequirePasswordReset);
        return AdminHttp.OkOr(await accounts.UpdateAsync(id, change, http.Actor(), ct),
            user => new UserResponse(true, AdminUserView.From(user, directory.StatusOf(user))));
    }

    private static async Task<IResult> Delete(Guid id, AccountAdministration accounts, HttpContext http, CancellationToken ct) =>
        AdminHttp.OkOr(await accounts.DeleteAsync(id, http.Actor(), ct), _ => new AdminMessageResponse(true, "User deleted"));

    /// <summary>Query dates without an offset are taken as UTC, like every time in the API.</summary>
    internal static DateTime? Utc(DateTime? value) => value is { } v ? (v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime()) : null;
}
