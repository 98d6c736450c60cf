namespace Latchkey.Pages.Admin;

/// <summary>
/// The user list's filters as the page's GET form sends them, kept as typed so the form shows them again and
/// every pagination link carries them.
/// </summary>
public sealed record UserListQuery(string? Search, string? Role, string? Status, string? CreatedFrom, string? CreatedTo, string? Sort, string? Order, int Page)
{
    public string Link(int page) => AdminQuery.Link(AdminPaths.Users, ("search", Search), ("role", Role), ("status", Status),
        ("createdFrom", CreatedFrom), ("createdTo", CreatedTo), ("sort", Sort), ("order", Order), ("page", AdminQuery.Number(page)));
}
