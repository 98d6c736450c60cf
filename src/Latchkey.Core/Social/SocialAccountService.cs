using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Mfa;
using Latchkey.Core.OAuth.BackChannel;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Social;

/// <summary>
/// Turns a verified upstream profile into a Latchkey account and a session: the returning identity,
/// an automatic link when the provider vouches for an address an account already uses, or a new
/// account. Shared by the redirect flow and ID-token sign-in, and by every surface.
/// </summary>
public sealed class SocialAccountService(
    IUserStore users,
    BackChannelLogoutQueue backChannel,
    IUserIdentityStore identities,
    ISessionStore sessionStore,
    SessionStateCache sessionState,
    UpstreamTokenVault vault,
    SessionIssuer sessions,
    TwoFactorLoginService twoFactor,
    SignUpPolicy signUp,
    IOptions<UserDefaultsOptions> defaults,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    /// <param name="signUpProfile">Roles, locale, display name and metadata for an account this sign-in creates (validated by the caller).</param>
    public async Task<Result<SignInOutcome>> SignInAsync(SocialProvider provider, UpstreamProfile profile, UpstreamTokens? tokens, string sessionKind, RequestContext context, CancellationToken ct,
        ProfileRequest? signUpProfile = null)
    {
        try
        {
            // One transaction: a take-over of an unproven account revokes its sessions (set-based) together with the link.
            return await unitOfWork.InTransactionAsync(token => SignInCoreAsync(provider, profile, tokens, sessionKind, context, signUpProfile, token), ct);
        }
        catch (UniqueConstraintException)
        {
            // Two first sign-ins of the same person raced; the other one created the account.
            return new AuthError(AuthErrorCodes.IdentityInUse, "This sign-in was completed in another window; please try again");
        }
    }

    private async Task<Result<SignInOutcome>> SignInCoreAsync(SocialProvider provider, UpstreamProfile profile, UpstreamTokens? tokens, string sessionKind,
        RequestContext context, ProfileRequest? signUpProfile, CancellationToken ct)
    {
        var identity = await identities.FindAsync(provider.Name, profile.Subject, ct);
        var user = identity is null ? null : await users.FindByIdAsync(identity.UserId, ct);
        if (user is null)
        {
            var created = await LinkOrCreateAsync(provider, profile, signUpProfile, context, ct);
            if (!created.IsSuccess) return await FailAsync(created.Error, provider, context, null, ct);
            (user, identity) = created.Value;
        }
        if (user.Disabled) return await FailAsync(new AuthError(AuthErrorCodes.AccountDisabled, "This account is disabled"), provider, context, user.Id, ct);

        Touch(identity!, profile, tokens);
        if (user.TwoFactorEnabled)
        {
            var challenge = await twoFactor.BeginAsync(user, sessionKind, AuthMethods.Social, ct);
            await unitOfWork.SaveChangesAsync(ct);
            return new SignInOutcome(null, challenge);
        }
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        var issued = sessions.Start(user, sessionKind, AuthMethods.Social, context);
        activity.Record(ActivityTypes.LoginSucceeded, user.Id, context, details: new { method = AuthMethods.Social, provider = provider.Name, sessionId = issued.SessionId });
        await unitOfWork.SaveChangesAsync(ct);
        return new SignInOutcome(issued, null);
    }

    /// <summary>Links the upstream identity to a signed-in user (the "connect" button).</summary>
    public async Task<Result<Unit>> ConnectAsync(Guid userId, SocialProvider provider, UpstreamProfile profile, UpstreamTokens? tokens, RequestContext context, CancellationToken ct)
    {
        var existing = await identities.FindAsync(provider.Name, profile.Subject, ct);
        if (existing is not null && existing.UserId != userId)
            return new AuthError(AuthErrorCodes.IdentityInUse, $"This {provider.DisplayName} account is already connected to another account");
        if (existing is null)
        {
            if ((await identities.ListForUserAsync(userId, ct)).Any(i => i.Provider == provider.Name))
                return new AuthError(AuthErrorCodes.IdentityInUse, $"Another {provider.DisplayName} account is connected; disconnect it first");
            existing = NewIdentity(userId, provider, profile);
            identities.Add(existing);
            activity.Record(ActivityTypes.SocialConnected, userId, context, details: new { provider = provider.Name });
        }
        Touch(existing, profile, tokens);
        try
        {
            await unitOfWork.SaveChangesAsync(ct);
        }
        catch (UniqueConstraintException)
        {
            return new AuthError(AuthErrorCodes.IdentityInUse, $"This {provider.DisplayName} account is already connected to another account");
        }
        return Unit.Value;
    }

    private async Task<Result<(User, UserIdentity)>> LinkOrCreateAsync(SocialProvider provider, UpstreamProfile profile, ProfileRequest? signUpProfile,
        RequestContext context, CancellationToken ct)
    {
        if (profile.Email is null || !UserNormalizer.IsValidEmail(profile.Email))
            return new AuthError(AuthErrorCodes.EmailRequired, $"{provider.DisplayName} did not share an email address; sign in another way and connect {provider.DisplayName} from your account");

        var user = await users.FindByNormalizedEmailAsync(UserNormalizer.NormalizeEmail(profile.Email), ct);
        if (user is not null)
        {
            if (!profile.EmailVerified)
                return new AuthError(AuthErrorCodes.LinkRequired, $"An account already uses this email. Sign in to it first, then connect {provider.DisplayName}");
            await ProveOwnershipAsync(user, provider, context, ct);
            var linked = NewIdentity(user.Id, provider, profile);
            identities.Add(linked);
            activity.Record(ActivityTypes.SocialLinked, user.Id, context, details: new { provider = provider.Name, by = "verified_email" });
            return (user, linked);
        }

        // A new account is a sign-up: closed sign-up and the allowed email domains apply as to every other method.
        if (signUp.Check(profile.Email) is { } closed) return closed;
        user = NewUser(profile);
        if (signUpProfile is not null) UserProfile.Apply(user, signUpProfile, defaults.Value);
        users.Add(user);
        var identity = NewIdentity(user.Id, provider, profile);
        identities.Add(identity);
        activity.Record(ActivityTypes.UserRegistered, user.Id, context, details: new { method = AuthMethods.Social, provider = provider.Name });
        return (user, identity);
    }

    /// <summary>
    /// Linking to an account whose address was never verified: the provider has now proven who owns
    /// it, so whoever set the account's password (possibly someone squatting the address before its
    /// owner arrived) loses it and every session it opened.
    /// </summary>
    private async Task ProveOwnershipAsync(User user, SocialProvider provider, RequestContext context, CancellationToken ct)
    {
        if (user.EmailVerified) return;
        user.EmailVerified = true;
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (user.PasswordHash is null) return;
        user.PasswordHash = null;
        var now = clock.GetUtcNow().UtcDateTime;
        await backChannel.EnqueueAllAsync(user.Id, now, ct);
        await sessionStore.RevokeAllAsync(user.Id, null, now, RevokeReasons.EmailOwnershipProven, ct);
        sessionState.ForgetUser(user.Id);
        activity.Record(ActivityTypes.SessionsRevoked, user.Id, context, details: new { reason = RevokeReasons.EmailOwnershipProven, provider = provider.Name });
    }

    private async Task<Result<SignInOutcome>> FailAsync(AuthError error, SocialProvider provider, RequestContext context, Guid? userId, CancellationToken ct)
    {
        activity.Record(ActivityTypes.LoginFailed, userId, context, success: false, new { method = AuthMethods.Social, provider = provider.Name, reason = error.Code });
        await unitOfWork.SaveChangesAsync(ct);
        return error;
    }

    private void Touch(UserIdentity identity, UpstreamProfile profile, UpstreamTokens? tokens)
    {
        identity.Email = profile.Email ?? identity.Email;
        identity.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        if (tokens is not null) vault.Store(identity, tokens);
    }

    private UserIdentity NewIdentity(Guid userId, SocialProvider provider, UpstreamProfile profile) => new()
    {
        Id = Ids.New(),
        UserId = userId,
        Provider = provider.Name,
        ProviderUserId = profile.Subject,
        Email = profile.Email,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    private User NewUser(UpstreamProfile profile)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (first, last) = (profile.FirstName, profile.LastName);
        if (first is null && last is null && profile.DisplayName is { } display)
        {
            var space = display.IndexOf(' ');
            (first, last) = space > 0 ? (display[..space], display[(space + 1)..]) : (display, null);
        }
        return new User
        {
            Id = Ids.New(),
            Email = profile.Email!.Trim(),
            NormalizedEmail = UserNormalizer.NormalizeEmail(profile.Email),
            EmailVerified = profile.EmailVerified,
            FirstName = Clip(first),
            LastName = Clip(last),
            AvatarUrl = profile.AvatarUrl is { Length: <= 2048 } url && url.StartsWith("https://", StringComparison.Ordinal) ? url : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static string? Clip(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var t && t.Length > RegistrationService.MaxNameLength ? t[..RegistrationService.MaxNameLength] : value.Trim();
}
