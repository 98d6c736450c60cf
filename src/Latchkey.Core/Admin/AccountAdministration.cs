using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.OAuth.BackChannel;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;

namespace Latchkey.Core.Admin;

/// <summary>
/// The administrator's changes to one account. Anything that takes access away (lock, disable, a role
/// change, a forced password reset, deletion) revokes every session and refresh token in the same
/// transaction and drops this node's session-state cache for the user, so access tokens are refused at
/// once here and within <see cref="SessionOptions.StateCacheDuration"/> on other nodes.
/// </summary>
public sealed class AccountAdministration(
    IUserStore users,
    IAdminStore admin,
    ISessionStore sessions,
    SessionStateCache sessionState,
    BackChannelLogoutQueue backChannel,
    PasswordResetService passwordReset,
    RoleService roles,
    RolePermissions permissions,
    AdminGuards guards,
    AdminAudit audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    /// <summary>Lockout set by an administrator lasts until an administrator lifts it.</summary>
    public static readonly DateTime LockedIndefinitely = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public async Task<Result<User>> UpdateAsync(Guid userId, UserChange change, AdminActor actor, CancellationToken ct)
    {
        if (UserChangeValidator.Validate(change) is { } invalid) return invalid;
        if (!change.OnlyLocking && !await permissions.HasAsync(actor.Role, actor.GroupRoles, Permissions.UsersWrite, ct))
            return new AuthError(AuthErrorCodes.Forbidden, $"Changing more than the lock needs the {Permissions.UsersWrite} permission");
        if (change.Role is { } role)
        {
            if (!await roles.ExistsAsync(role, ct)) return AuthError.Field("role", $"No role named '{role}'");
            if (await guards.CanGrantAsync(actor, role, ct) is { } escalation) return escalation;
        }
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return NotFound;
        if (await RefuseAsync(change, user, actor, ct) is { } refused) return refused;
        if (change.Username is not null && await UsernameTakenAsync(change.Username, user, ct))
            return new AuthError(AuthErrorCodes.Conflict, "That username is taken", new Dictionary<string, string> { ["username"] = "taken" });

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = UserChangeApplier.Apply(user, change, now);
        var cutOff = changed.Contains("role") || change.Locked == true || change.Disabled == true || change.RequirePasswordReset == true;
        await unitOfWork.InTransactionAsync(async token =>
        {
            if (cutOff)
            {
                await backChannel.EnqueueAllAsync(user.Id, now, token);
                await sessions.RevokeAllAsync(user.Id, null, now, RevokeReasons.Admin, token);
            }
            audit.Record(ActivityTypes.AdminUserUpdated, actor, user.Id, new { changed });
            await unitOfWork.SaveChangesAsync(token);
            return Unit.Value;
        }, ct);
        if (cutOff) sessionState.ForgetUser(user.Id);
        if (change.RequirePasswordReset == true) await passwordReset.RequestAsync(user.Email, null, actor.Context, ct);
        return user;
    }

    public async Task<Result<Unit>> DeleteAsync(Guid userId, AdminActor actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return NotFound;
        if ((AdminGuards.Self(actor, user, "delete") ?? await guards.LastAdminAsync(user, ct)) is { } refused) return refused;

        var now = clock.GetUtcNow().UtcDateTime;
        var grants = await admin.ListActiveGrantsAsync(userId, now, ct);
        await unitOfWork.InTransactionAsync(async token =>
        {
            audit.Record(ActivityTypes.AdminUserDeleted, actor, userId, new { email = user.Email });
            await backChannel.EnqueueAsync(userId, grants, token);
            await unitOfWork.SaveChangesAsync(token);
            await admin.DeleteUserAsync(userId, token);
            return Unit.Value;
        }, ct);
        sessionState.ForgetUser(userId);
        return Unit.Value;
    }

    private async Task<AuthError?> RefuseAsync(UserChange change, User user, AdminActor actor, CancellationToken ct)
    {
        var demoting = change.Role is { } role && role != user.Role;
        var cutting = change.Locked == true || change.Disabled == true;
        if (demoting && AdminGuards.Self(actor, user, "change the role of") is { } selfRole) return selfRole;
        if (cutting && AdminGuards.Self(actor, user, "lock or disable") is { } selfLock) return selfLock;
        return demoting || cutting ? await guards.LastAdminAsync(user, ct) : null;
    }

    private async Task<bool> UsernameTakenAsync(string username, User user, CancellationToken ct) =>
        await users.FindByLoginAsync(UserNormalizer.NormalizeUsername(username), ct) is { } other && other.Id != user.Id;

    private static readonly AuthError NotFound = new(AuthErrorCodes.NotFound, "No such user");
}
