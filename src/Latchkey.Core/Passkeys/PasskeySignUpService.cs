using Latchkey.Core.Audit;
using Latchkey.Core.Challenges;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Passkeys;

/// <summary>
/// Sign-up with a passkey and no password: the options name an account that does not exist yet (its id
/// and email travel in the ceremony's ticket), and verifying the passkey creates it. The sign-up policy
/// applies as for password sign-up: closed sign-up and email domains, profile options, redirect URLs,
/// taken addresses, and the verification email.
/// </summary>
public sealed class PasskeySignUpService(
    IUserStore users,
    IPasskeyStore passkeys,
    PasskeyCeremonies ceremonies,
    SignUpPolicy signUp,
    RedirectPolicy redirects,
    EmailVerificationService emailVerification,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<UserDefaultsOptions> defaults,
    TimeProvider clock)
{
    public async Task<Result<PasskeyCeremony>> BeginAsync(string? email, ProfileRequest? profile, string? redirectTo, HttpContext http, CancellationToken ct)
    {
        var checkedEmail = await CheckAsync(email, profile, redirectTo, ct);
        if (!checkedEmail.IsSuccess) return checkedEmail.Error;
        var user = new User { Id = Ids.New(), Email = checkedEmail.Value, NormalizedEmail = UserNormalizer.NormalizeEmail(checkedEmail.Value) };
        if (profile is not null) UserProfile.Apply(user, profile, defaults.Value);
        var ceremony = await ceremonies.BeginRegistrationAsync(user, http, ChallengeKinds.PasskeySignUp);
        await unitOfWork.SaveChangesAsync(ct);
        return ceremony;
    }

    /// <summary>Verifies the passkey and creates its account (unverified email: the verification mail is queued).</summary>
    public async Task<Result<User>> FinishAsync(
        PasskeyResponse response, string? passkeyName, ProfileRequest? profile, string? redirectTo, RequestContext context, HttpContext http, CancellationToken ct)
    {
        if (profile is not null && UserProfile.Validate(profile, defaults.Value) is { } badProfile) return badProfile;
        var verifyPage = redirects.Resolve(redirectTo, LinkPages.VerifyEmail);
        if (!verifyPage.IsSuccess) return verifyPage.Error;

        var attested = await ceremonies.FinishSignUpAsync(response.ChallengeToken, response.CredentialJson, passkeyName, http, ct);
        if (!attested.IsSuccess) return attested.Error;
        var (passkey, email) = attested.Value;
        // Checked again: the policy or the address may have changed while the authenticator was busy.
        var checkedEmail = await CheckAsync(email, null, null, ct);
        if (!checkedEmail.IsSuccess) return checkedEmail.Error;

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Id = passkey.UserId,
            Email = email,
            NormalizedEmail = UserNormalizer.NormalizeEmail(email),
            Role = Roles.User,
            CreatedAt = now,
            UpdatedAt = now,
        };
        UserProfile.Apply(user, profile ?? new ProfileRequest(), defaults.Value);
        users.Add(user);
        passkeys.Add(passkey);
        activity.Record(ActivityTypes.UserRegistered, user.Id, context, details: new { method = AuthMethods.Passkey });
        activity.Record(ActivityTypes.PasskeyAdded, user.Id, context, details: new { name = passkey.Name, credentialId = PasskeyIds.Encode(passkey.CredentialId) });
        await emailVerification.QueueAsync(user, verifyPage.Value, context, ct);
        return await AccountEmail.SaveAsync(unitOfWork, user, ct);
    }

    /// <summary>The trimmed email when an account may be created for it.</summary>
    private async Task<Result<string>> CheckAsync(string? email, ProfileRequest? profile, string? redirectTo, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) return AuthError.Field("email", "Email is required");
        if (!UserNormalizer.IsValidEmail(email)) return AuthError.Field("email", "Email address is not valid");
        if (profile is not null && UserProfile.Validate(profile, defaults.Value) is { } badProfile) return badProfile;
        var trimmed = email.Trim();
        if (signUp.Check(trimmed) is { } closed) return closed;
        if (redirectTo is not null && redirects.Resolve(redirectTo, LinkPages.VerifyEmail) is { IsSuccess: false } badRedirect) return badRedirect.Error;
        if (await users.EmailExistsAsync(UserNormalizer.NormalizeEmail(trimmed), ct)) return AccountEmail.Taken;
        return trimmed;
    }
}
