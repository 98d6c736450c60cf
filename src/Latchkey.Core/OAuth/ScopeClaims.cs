using Latchkey.Core.Account;
using Latchkey.Core.Users;

namespace Latchkey.Core.OAuth;

/// <summary>
/// The user's claims that a grant's scopes allow (OIDC Core §5.4: profile, email, address, phone, plus groups), from
/// the one profile core the Platform API edits. Userinfo and the id tokens of the code and device grants take
/// them from here, so the two always agree; a refreshed id token carries only the groups claim
/// (<see cref="ForRefreshAsync"/>). The profile row is read only for the scopes that show it.
/// </summary>
public sealed class ScopeClaims(IAccountProfileStore profiles, Scim.GroupClaim groups)
{
    public async Task<List<KeyValuePair<string, object?>>> ForAsync(User user, string scope, CancellationToken ct)
    {
        var profile = Scopes.Has(scope, Scopes.Profile) || Scopes.Has(scope, Scopes.Address) ? await profiles.FindAsync(user.Id, ct) : null;
        var list = UserInfoService.Claims(user, profile ?? AccountProfile.Empty(user.Id), scope);
        if (await groups.ForAsync(user.Id, scope, ct) is { } names) list.Add(new(Scim.GroupClaim.Name, names));
        return list;
    }

    /// <summary>
    /// For an id token issued on refresh: the groups claim only. OIDC Core §12.2 asks a refreshed id token to repeat
    /// iss, sub, aud and auth_time, not the profile claims, which userinfo serves; reading the user and the profile
    /// here would add two round trips to every refresh, whose rotation is one statement (docs/benchmarks.md).
    /// </summary>
    public async Task<List<KeyValuePair<string, object?>>?> ForRefreshAsync(Guid userId, string scope, CancellationToken ct) =>
        Scopes.Has(scope, Scopes.OpenId) && await groups.ForAsync(userId, scope, ct) is { } names ? [new(Scim.GroupClaim.Name, names)] : null;
}
