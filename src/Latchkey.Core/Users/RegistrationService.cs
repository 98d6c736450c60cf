using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Verification;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Users;

/// <summary>
/// Creates password accounts. The password is checked and hashed before the duplicate check, so a
/// taken address answers after the same work as a free one.
/// </summary>
public sealed class RegistrationService(
    IUserStore users,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    SignUpPolicy signUp,
    EmailVerificationService emailVerification,
    RedirectPolicy redirects,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<UserDefaultsOptions> defaults,
    TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public async Task<Result<User>> RegisterAsync(NewAccount account, RequestContext context, CancellationToken ct)
    {
        if (Validate(account) is { } invalid) return invalid;
        if (account.Profile is { } profile && UserProfile.Validate(profile, defaults.Value) is { } badProfile) return badProfile;
        var email = account.Email!.Trim();
        if (!account.Trusted && signUp.Check(email) is { } closed) return closed;
        var verifyPage = redirects.Resolve(account.RedirectTo, LinkPages.VerifyEmail);
        if (!verifyPage.IsSuccess) return verifyPage.Error;

        var policyCheck = await policy.CheckAsync(account.Password!, [email, account.FirstName ?? "", account.LastName ?? ""], ct);
        if (!policyCheck.IsSuccess) return policyCheck.Error;
        var hash = await hasher.HashAsync(account.Password!, ct);

        var normalizedEmail = UserNormalizer.NormalizeEmail(email);
        if (await users.EmailExistsAsync(normalizedEmail, ct)) return AccountEmail.Taken;

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Id = Ids.New(),
            Email = email,
            NormalizedEmail = normalizedEmail,
            FirstName = NullIfBlank(account.FirstName),
            LastName = NullIfBlank(account.LastName),
            PasswordHash = hash,
            Role = account.Role ?? Roles.User,
            EmailVerified = account.EmailVerified,
            PasswordChangedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        UserProfile.Apply(user, account.Profile ?? new ProfileRequest(), defaults.Value);
        users.Add(user);
        activity.Record(ActivityTypes.UserRegistered, user.Id, context, details: new { method = "password" });
        if (!user.EmailVerified) await emailVerification.QueueAsync(user, verifyPage.Value, context, ct);
        return await AccountEmail.SaveAsync(unitOfWork, user, ct);
    }

    private static AuthError? Validate(NewAccount account)
    {
        if (string.IsNullOrWhiteSpace(account.Email)) return AuthError.Field("email", "Email is required");
        if (!UserNormalizer.IsValidEmail(account.Email)) return AuthError.Field("email", "Email address is not valid");
        if (string.IsNullOrEmpty(account.Password)) return AuthError.Field("password", "Password is required");
        if (InvalidName(account.FirstName)) return AuthError.Field("firstName", $"First name must be at most {MaxNameLength} characters without control characters");
        if (InvalidName(account.LastName)) return AuthError.Field("lastName", $"Last name must be at most {MaxNameLength} characters without control characters");
        return null;
    }

    private static bool InvalidName(string? name) => name is not null && (name.Length > MaxNameLength || name.Any(char.IsControl));

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// What a sign-up supplies. <see cref="Role"/>, <see cref="EmailVerified"/> and <see cref="Trusted"/> (which
/// bypasses the sign-up settings) are set only by trusted callers (bootstrap, admin). <see cref="RedirectTo"/>
/// is the page the verification link opens; <see cref="Profile"/> the roles, locale, display name and metadata.
/// </summary>
public sealed record NewAccount(
    string? Email, string? Password, string? FirstName, string? LastName, string? Role = null, bool EmailVerified = false,
    bool Trusted = false, string? RedirectTo = null, ProfileRequest? Profile = null);
