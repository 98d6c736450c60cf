using Latchkey.Core.OAuth;

namespace Latchkey.Core.Scim;

/// <summary>
/// The <c>groups</c> claim of id tokens and userinfo: the display names of the user's groups, read (one query) only
/// when the grant holds the <c>groups</c> scope, so an application sees the membership its identity provider set.
/// </summary>
public sealed class GroupClaim(IScimUserStore store)
{
    public const string Name = "groups";

    /// <summary>The group names, sorted; null when <paramref name="scope"/> lacks <c>groups</c> (the claim is then left out).</summary>
    public async Task<IReadOnlyList<string>?> ForAsync(Guid userId, string scope, CancellationToken ct) =>
        Scopes.Has(scope, Scopes.Groups) ? [.. (await store.GroupsOfAsync([userId], ct))[userId].Select(g => g.DisplayName)] : null;
}
