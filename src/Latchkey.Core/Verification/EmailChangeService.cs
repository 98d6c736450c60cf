using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Credentials;
using Latchkey.Core.Messaging;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Verification;

/// <summary>
/// Changes the sign-in address in two steps: the request re-authenticates with the current password and
/// mails a link to the new address; the confirmation (by the same signed-in user) switches the address
/// and tells the old one. Whether the new address is taken is only said after its owner proved control of it.
/// </summary>
public sealed class EmailChangeService(
    IUserStore users,
    IPasswordHasher hasher,
    Lockout lockout,
    TicketService tickets,
    VerificationMessages messages,
    MessageOutbox outbox,
    RedirectPolicy redirects,
    StepUp stepUp,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<VerificationOptions> options,
    TimeProvider clock)
{
    private static readonly AuthError EmailTaken = new(AuthErrorCodes.EmailTaken, "An account with this email already exists");

    public async Task<Result<Unit>> RequestAsync(Guid userId, string? newEmail, string? password, string? redirectTo, RequestContext context, CancellationToken ct)
    {
        if (!UserNormalizer.IsValidEmail(newEmail)) return AuthError.Field("newEmail", "A valid new email is required");
        if (string.IsNullOrEmpty(password)) return AuthError.Field("password", "Your current password is required");
        var page = redirects.Resolve(redirectTo, LinkPages.VerifyEmailChange);
        if (!page.IsSuccess) return page.Error;

        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        if (await ReauthenticateAsync(user, password, context, ct) is { } failed) return failed;
        return await SendLinkAsync(user, newEmail!, page.Value, context, ct);
    }

    /// <summary>
    /// The same request for a surface whose clients prove a recent sign-in instead of typing the password
    /// (Nhost's elevated bearer): the session must pass <see cref="StepUp"/>.
    /// </summary>
    public async Task<Result<Unit>> RequestWithStepUpAsync(Guid userId, Guid? sessionId, string? newEmail, string? redirectTo, RequestContext context, CancellationToken ct)
    {
        if (!UserNormalizer.IsValidEmail(newEmail)) return AuthError.Field("newEmail", "A valid new email is required");
        var page = redirects.Resolve(redirectTo, LinkPages.VerifyEmailChange);
        if (!page.IsSuccess) return page.Error;
        if (await stepUp.RequireAsync(sessionId, ct) is { } stale) return stale;
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return new AuthError(AuthErrorCodes.Unauthenticated, "Authentication required");
        if (user.IsAnonymous) return new AuthError(AuthErrorCodes.AnonymousForbidden, "Anonymous users have no email to change; deanonymize first");
        return await SendLinkAsync(user, newEmail!, page.Value, context, ct);
    }

    private async Task<Result<Unit>> SendLinkAsync(User user, string newEmail, string pageUrl, RequestContext context, CancellationToken ct)
    {
        var email = newEmail.Trim();
        var normalized = UserNormalizer.NormalizeEmail(email);
        if (normalized == user.NormalizedEmail) return AuthError.Field("newEmail", "This is already your email address");
        var issued = await tickets.IssueLinkAsync(TicketPurposes.EmailChange, user.Id, normalized, options.Value.EmailChangeLifetime, email, ct);
        if (issued is not null)
            messages.EmailLink(email, "confirm-email-change", issued, pageUrl, context, new() { ["oldEmail"] = user.Email, ["newEmail"] = email });
        activity.Record(ActivityTypes.EmailChangeRequested, user.Id, context);
        await unitOfWork.SaveChangesAsync(ct);
        return Unit.Value;
    }

    /// <summary>
    /// Switches the address. With <paramref name="userId"/> (a signed-in confirmation) the link must be that
    /// account's; without it (a link opened in any browser, Nhost's <c>/verify</c>) the link names its account.
    /// </summary>
    public async Task<Result<User>> VerifyAsync(Guid? userId, string? token, RequestContext context, CancellationToken ct)
    {
        // Checked before the link is used up: someone else's link must not be burnt by this account.
        var peeked = await tickets.PeekLinkAsync(TicketPurposes.EmailChange, token, ct);
        if (peeked?.UserId is not { } owner || (userId is not null && owner != userId)) return TicketService.InvalidToken;
        var user = await users.FindByIdAsync(owner, ct);
        if (user is null) return TicketService.InvalidToken;
        if (await users.EmailExistsAsync(peeked.Target, ct)) return EmailTaken;

        try
        {
            return await unitOfWork.InTransactionAsync(async tx =>
            {
                var redeemed = await tickets.RedeemLinkAsync(TicketPurposes.EmailChange, token, tx);
                if (!redeemed.IsSuccess) return Result<User>.Fail(redeemed.Error);
                var oldEmail = user.Email;
                user.Email = redeemed.Value.Payload!;
                user.NormalizedEmail = redeemed.Value.Target;
                user.EmailVerified = true;
                user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                outbox.Email(oldEmail, "email-changed", context.Locale, new Dictionary<string, string> { ["oldEmail"] = oldEmail, ["newEmail"] = user.Email });
                activity.Record(ActivityTypes.EmailChanged, user.Id, context);
                await unitOfWork.SaveChangesAsync(tx);
                return user;
            }, ct);
        }
        catch (UniqueConstraintException)
        {
            return EmailTaken;
        }
    }

    private async Task<AuthError?> ReauthenticateAsync(User user, string password, RequestContext context, CancellationToken ct)
    {
        if (lockout.IsLocked(user)) return new AuthError(AuthErrorCodes.AccountLocked, "Account temporarily locked after too many failed attempts");
        if (user.PasswordHash is not null && await hasher.VerifyAsync(user.PasswordHash, password, ct) != PasswordVerification.Failed) return null;
        if (user.PasswordHash is null) await hasher.VerifyDummyAsync(password, ct);
        lockout.RecordFailure(user);
        activity.Record(ActivityTypes.EmailChangeRequested, user.Id, context, success: false, new { reason = "wrong_password" });
        await unitOfWork.SaveChangesAsync(ct);
        return new AuthError(AuthErrorCodes.InvalidCurrentPassword, "Current password is incorrect");
    }
}
