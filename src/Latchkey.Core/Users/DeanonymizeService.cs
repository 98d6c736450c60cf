using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Users;

/// <summary>
/// Turns a guest account into a regular one with an email and a password, keeping its id (and so
/// whatever the application stored for it). The password meets the same policy as any sign-up.
/// </summary>
public sealed class DeanonymizeService(
    IUserStore users,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<UserDefaultsOptions> defaults,
    TimeProvider clock)
{

    public async Task<Result<User>> WithPasswordAsync(Guid userId, string? email, string? password, ProfileRequest profile, RequestContext context, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || !UserNormalizer.IsValidEmail(email)) return AuthError.Field("email", "Email address is not valid");
        if (string.IsNullOrEmpty(password)) return AuthError.Field("password", "Password is required");
        if (UserProfile.Validate(profile, defaults.Value) is { } invalid) return invalid;

        var user = await users.FindByIdAsync(userId, ct);
        if (user is null || user.Disabled) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        if (!user.IsAnonymous) return new AuthError(AuthErrorCodes.NotAnonymous, "The user is not anonymous");

        email = email.Trim();
        var check = await policy.CheckAsync(password, [email], ct);
        if (!check.IsSuccess) return check.Error;
        var hash = await hasher.HashAsync(password, ct);
        var normalized = UserNormalizer.NormalizeEmail(email);
        if (await users.EmailExistsAsync(normalized, ct)) return AccountEmail.Taken;

        var now = clock.GetUtcNow().UtcDateTime;
        user.Email = email;
        user.NormalizedEmail = normalized;
        user.EmailVerified = false;
        user.PasswordHash = hash;
        user.PasswordChangedAt = now;
        user.IsAnonymous = false;
        user.UpdatedAt = now;
        UserProfile.Apply(user, profile, defaults.Value);
        activity.Record(ActivityTypes.UserDeanonymized, user.Id, context, details: new { method = "password" });
        return await AccountEmail.SaveAsync(unitOfWork, user, ct);
    }
}
