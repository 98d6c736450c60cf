using Latchkey.Core.Admin;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/users</c> (users:read): the search of <c>GET /api/admin/users</c>, one page of at most
/// <see cref="PageLimits.DefaultLimit"/> rows, through <see cref="UserDirectory"/> like the API.
/// </summary>
internal static class UsersPage
{
    public static async Task<IResult> ShowAsync(AdminConsole console, UserDirectory directory, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.UsersRead, ct);
        if (admin is null) return refused!;
        var q = http.Request.Query;
        var asked = new UserListQuery(AdminQuery.Value(q["search"]), AdminQuery.Value(q["role"]), AdminQuery.Value(q["status"]),
            AdminQuery.Value(q["createdFrom"]), AdminQuery.Value(q["createdTo"]), AdminQuery.Value(q["sort"]), AdminQuery.Value(q["order"]),
            AdminQuery.Page(q["page"]));
        var found = await SearchAsync(directory, asked, ct);
        return ListResult.Page<UsersView, User>(http, admin, asked, found);
    }

    private static async Task<Result<Page<User>>> SearchAsync(UserDirectory directory, UserListQuery asked, CancellationToken ct)
    {
        if (!AdminQuery.TryDate(asked.CreatedFrom, false, out var from)) return AuthError.Field("createdFrom", "Created from must be a date (YYYY-MM-DD)");
        if (!AdminQuery.TryDate(asked.CreatedTo, true, out var to)) return AuthError.Field("createdTo", "Created to must be a date (YYYY-MM-DD)");
        if (asked.Order is not (null or "asc" or "desc")) return AuthError.Field("order", "order must be asc or desc");
        return await directory.SearchAsync(new UserQuery(asked.Search, asked.Role, asked.Status, from, to, asked.Sort ?? UserSorts.CreatedAt,
            asked.Order != "asc", asked.Page, PageLimits.DefaultLimit), ct);
    }
}
