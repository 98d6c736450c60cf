using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Mfa;
using Latchkey.Core.Passkeys;
using Latchkey.Core.Sessions;
using Latchkey.Core.Social;
using Latchkey.Core.Users;

namespace Latchkey.Core.Admin;

/// <summary>The administrator's read side of accounts: the searchable list and one account's full picture.</summary>
public sealed class UserDirectory(
    IAdminStore admin,
    IUserStore users,
    ITwoFactorStore twoFactor,
    IPasskeyStore passkeys,
    IUserIdentityStore identities,
    ISessionStore sessions,
    IActivityStore activity,
    RolePermissions permissions,
    Lockout lockout,
    TimeProvider clock)
{
    public const int MaxSearchLength = 254;
    public const int RecentActivityCount = 20;

    public async Task<Result<Page<User>>> SearchAsync(UserQuery query, CancellationToken ct)
    {
        if (PageLimits.Validate(query.Page, query.Limit) is { } badPage) return badPage;
        if (query.Search is { Length: > MaxSearchLength }) return AuthError.Field("search", $"search must be at most {MaxSearchLength} characters");
        if (query.Status is not null && !UserStatuses.All.Contains(query.Status))
            return AuthError.Field("status", $"status must be one of {string.Join(", ", UserStatuses.All)}");
        if (!UserSorts.All.Contains(query.Sort)) return AuthError.Field("sort", $"sort must be one of {string.Join(", ", UserSorts.All)}");
        if (query.CreatedFrom > query.CreatedTo) return AuthError.Field("createdFrom", "createdFrom must not be after createdTo");
        return await admin.SearchUsersAsync(query, clock.GetUtcNow().UtcDateTime, ct);
    }

    public async Task<Result<UserDetails>> GetAsync(Guid userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.NotFound, "No such user");
        var granted = await permissions.ForRolesAsync(user.Role, user.GroupRoles, ct);
        var factors = (await twoFactor.ListMethodsAsync(userId, ct)).Where(m => m.IsConfirmed).ToList();
        var (recent, _) = await activity.ListForUserAsync(userId, 1, RecentActivityCount, ct);
        return new UserDetails(
            user, StatusOf(user), Permissions.All.Where(granted.Contains).ToList(), factors,
            await passkeys.CountForUserAsync(userId, ct), await identities.ListForUserAsync(userId, ct),
            await sessions.ListActiveAsync(userId, clock.GetUtcNow().UtcDateTime, ct), recent);
    }

    /// <summary>The one status shown for an account, most severe first.</summary>
    public string StatusOf(User user) =>
        user.Disabled ? UserStatuses.Disabled
        : lockout.IsLocked(user) ? UserStatuses.Locked
        : user.IsAnonymous ? UserStatuses.Anonymous
        : !user.EmailVerified ? UserStatuses.Unverified
        : UserStatuses.Active;
}
