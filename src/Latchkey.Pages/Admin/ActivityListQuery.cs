namespace Latchkey.Pages.Admin;

/// <summary>The activity log's filters as its GET form sends them, kept as typed for the form and the page links.</summary>
public sealed record ActivityListQuery(string? Type, string? UserId, string? Ip, string? Outcome, string? From, string? To, int Page)
{
    public string Link(int page) => AdminQuery.Link(AdminPaths.Activity, ("type", Type), ("userId", UserId), ("ip", Ip), ("outcome", Outcome),
        ("from", From), ("to", To), ("page", AdminQuery.Number(page)));
}
