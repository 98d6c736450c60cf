namespace Latchkey.Core.Admin;

/// <summary>Account statuses an administrator filters on.</summary>
public static class UserStatuses
{
    public const string Active = "active";
    public const string Locked = "locked";
    public const string Disabled = "disabled";
    public const string Unverified = "unverified";
    public const string Anonymous = "anonymous";

    public static readonly IReadOnlyList<string> All = [Active, Locked, Disabled, Unverified, Anonymous];
}

public static class UserSorts
{
    public const string CreatedAt = "createdAt";
    public const string Email = "email";
    public const string LastSignInAt = "lastSignInAt";

    public static readonly IReadOnlyList<string> All = [CreatedAt, Email, LastSignInAt];
}

/// <summary>
/// A page of the user list. <see cref="Search"/> is a prefix of the email, username, first or last name
/// (prefix, so each term is an index range scan, never a full scan).
/// </summary>
public sealed record UserQuery(
    string? Search, string? Role, string? Status, DateTime? CreatedFrom, DateTime? CreatedTo,
    string Sort, bool Descending, int Page, int Limit);

/// <summary>
/// One page of a list and its total. When <see cref="TotalIsLowerBound"/> is set, more rows matched than the list's
/// count limit (<c>Latchkey:Admin:ListCountLimit</c>) and <see cref="Total"/> is that limit (or the rows up to this
/// page, if more): counting every match of a broad filter over a million rows on each page costs more than the page.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int Limit, bool TotalIsLowerBound = false)
{
    public int TotalPages => (Total + Limit - 1) / Limit;
}
