using Latchkey.Core.Users;

namespace Latchkey.Core.Scim;

/// <summary>
/// Latchkey roles carried by groups, in the form they are stored (on a group, and on each member as
/// <see cref="User.GroupRoles"/>): role names, space-separated, distinct and sorted, null when there are none.
/// Sorted so that two computations of the same set compare equal as strings and only real changes are written.
/// </summary>
public static class GroupRoles
{
    /// <summary>At most this many roles on one group (the limit an account's allowed roles have).</summary>
    public const int MaxPerGroup = UserRoles.MaxRoles;

    public static string? Format(IEnumerable<string> roles)
    {
        var set = roles.SelectMany(Parse).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return set.Count == 0 ? null : string.Join(' ', set);
    }

    public static IReadOnlyList<string> Parse(string? stored) =>
        stored is null ? [] : stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether <paramref name="after"/> lacks a role <paramref name="before"/> had: the account lost a permission source.</summary>
    public static bool Lost(string? before, string? after) => Parse(before).Except(Parse(after), StringComparer.Ordinal).Any();
}
