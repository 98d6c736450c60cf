using Latchkey.Core.Admin;
using Latchkey.Pages.Layout;
using Microsoft.AspNetCore.Http;

namespace Latchkey.Pages.Admin;

/// <summary>
/// <c>/admin/users/{id}</c> (users:read): what <c>GET /api/admin/users/{id}</c> answers (profile, status, role and
/// permissions, second factors, passkeys, connected services, sessions, recent activity) and the actions this
/// administrator may take.
/// </summary>
internal static class UserPage
{
    public static async Task<IResult> ShowAsync(Guid id, string? done, AdminConsole console, UserDirectory directory, HttpContext http, CancellationToken ct)
    {
        var (admin, refused) = await console.EnterAsync(http, Permissions.UsersRead, ct);
        if (admin is null) return refused!;
        var details = await directory.GetAsync(id, ct);
        if (!details.IsSuccess) return NotFound(http);
        return PageResults.Page<UserView>(http, new Dictionary<string, object?>
        {
            [nameof(UserView.Admin)] = admin,
            [nameof(UserView.Details)] = details.Value,
            [nameof(UserView.Done)] = UserAction.Find(done ?? "")?.Label,
        });
    }

    public static IResult NotFound(HttpContext http) =>
        MessagePage.Render(http, "No such user", "No such user", "There is no account with this id; it may have been deleted.",
            [new("users-link", "Back to the users", AdminPaths.Users)], StatusCodes.Status404NotFound, isError: true);
}
