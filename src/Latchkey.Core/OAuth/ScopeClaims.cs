using Latchkey.Core.Account;
using Latchkey.Core.Users;

namespace Latchkey.Core.OAuth;

/// <summary>
/// The user's claims that a grant's scopes allow (OIDC Core §5.4: profile, email, address, phone, plus groups), from
/// the one profile core the Platform API edits. Userinfo and every id token (code, device and refresh grants) take
/// them from here, so the two always agree. The profile row is read only for the scopes that show it.
/// </summary>
public sealed class ScopeClaims(IUserStore users, IAccountProfileStore profiles, Scim.GroupClaim groups)
{
    public async Task<List<KeyValuePair<string, object?>>> ForAsync(User user, string scope, CancellationToken ct)
    {
        var profile = Scopes.Has(scope, Scopes.Profile) || Scopes.Has(scope, Scopes.Address) ? await profiles.FindAsync(user.Id, ct) : null;
        var list = UserInfoService.Claims(user, profile ?? AccountProfile.Empty(user.Id), scope);
        if (await groups.ForAsync(user.Id, scope, ct) is { } names) list.Add(new(Scim.GroupClaim.Name, names));
        return list;
    }

    /// <summary>For a grant known by its user id only (refresh): the user is read only when a scope shows one of its claims.</summary>
    public async Task<List<KeyValuePair<string, object?>>?> ForAsync(Guid userId, string scope, CancellationToken ct)
    {
        if (!Scopes.Has(scope, Scopes.OpenId)) return null;
        if (!(Scopes.Has(scope, Scopes.Profile) || Scopes.Has(scope, Scopes.Email) || Scopes.Has(scope, Scopes.Address) || Scopes.Has(scope, Scopes.Phone)))
            return await groups.ForAsync(userId, scope, ct) is { } names ? [new(Scim.GroupClaim.Name, names)] : null;
        return await users.FindByIdAsync(userId, ct) is { } user ? await ForAsync(user, scope, ct) : null;
    }
}
