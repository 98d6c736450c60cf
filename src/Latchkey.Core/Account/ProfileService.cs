using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Account;

/// <summary>The account and its profile row together: what every surface's profile view is built from.</summary>
public sealed record ProfileSnapshot(User User, AccountProfile Profile);

/// <summary>
/// Reads and changes a person's own profile and preferences. The fields live on the account (username,
/// names, locale: what every surface and token already reads) or on the profile row (the rest), so the
/// Platform profile, OIDC claims and the Nhost user all show the same values.
/// </summary>
public sealed class ProfileService(
    IUserStore users,
    IAccountProfileStore profiles,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<UserDefaultsOptions> defaults,
    TimeProvider clock)
{
    public async Task<Result<ProfileSnapshot>> GetAsync(Guid userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return Gone;
        return new ProfileSnapshot(user, await profiles.FindAsync(userId, ct) ?? AccountProfile.Empty(userId));
    }

    public async Task<Result<ProfileSnapshot>> UpdateAsync(Guid userId, ProfileUpdate update, RequestContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (ProfileValidator.Validate(update, defaults.Value, DateOnly.FromDateTime(now)) is { } invalid) return invalid;
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return Gone;
        if (update.Username is { Length: > 0 } username
            && await users.FindByLoginAsync(UserNormalizer.NormalizeUsername(username), ct) is { } other && other.Id != user.Id)
            return UsernameTaken;

        var profile = await TrackedProfileAsync(userId, ct);
        var changed = ProfileApplier.Apply(user, profile, update);
        return await SaveAsync(user, profile, changed, ActivityTypes.ProfileUpdated, context, now, ct);
    }

    public async Task<Result<ProfileSnapshot>> UpdatePreferencesAsync(Guid userId, PreferencesUpdate update, RequestContext context, CancellationToken ct)
    {
        if (PreferencesValidator.Validate(update, defaults.Value) is { } invalid) return invalid;
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return Gone;
        var profile = await TrackedProfileAsync(userId, ct);
        var changed = ProfileApplier.Apply(user, profile, update);
        return await SaveAsync(user, profile, changed, ActivityTypes.PreferencesUpdated, context, clock.GetUtcNow().UtcDateTime, ct);
    }

    private async Task<AccountProfile> TrackedProfileAsync(Guid userId, CancellationToken ct)
    {
        if (await profiles.FindAsync(userId, ct) is { } existing) return existing;
        var created = AccountProfile.Empty(userId);
        profiles.Add(created);
        return created;
    }

    private async Task<Result<ProfileSnapshot>> SaveAsync(User user, AccountProfile profile, IReadOnlyList<string> changed, string activityType,
        RequestContext context, DateTime now, CancellationToken ct)
    {
        if (changed.Count == 0) return new ProfileSnapshot(user, profile);
        user.UpdatedAt = now;
        profile.UpdatedAt = now;
        activity.Record(activityType, user.Id, context, details: new { changed });
        try
        {
            await unitOfWork.SaveChangesAsync(ct);
        }
        catch (UniqueConstraintException)
        {
            // Another account took the username between the check and the write.
            return UsernameTaken;
        }
        return new ProfileSnapshot(user, profile);
    }

    private static readonly AuthError Gone = new(AuthErrorCodes.Unauthenticated, "Authentication required");

    private static readonly AuthError UsernameTaken =
        new(AuthErrorCodes.Conflict, "That username is taken", new Dictionary<string, string> { ["username"] = "That username is taken" });
}
