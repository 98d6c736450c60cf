using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Sessions;
using Latchkey.Core.Users;

namespace Latchkey.Core.Verification;

/// <summary>
/// Completes a passwordless sign-in: uses up the link or code and starts a session through
/// <see cref="SessionIssuer"/> like every other method. A ticket without an account creates it (the
/// address is proven, so it is verified), if sign-up is still open to it.
/// </summary>
public sealed class PasswordlessSignInService(
    IUserStore users,
    TicketService tickets,
    SignUpPolicy signUp,
    SessionIssuer sessions,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public Task<Result<SignInOutcome>> MagicLinkAsync(string? token, string sessionKind, RequestContext context, CancellationToken ct) =>
        CompleteAsync(AuthMethods.MagicLink, tx => tickets.RedeemLinkAsync(TicketPurposes.MagicLink, token, tx), sessionKind, context, ct);

    public Task<Result<SignInOutcome>> EmailCodeAsync(string? email, string? code, string sessionKind, RequestContext context, CancellationToken ct)
    {
        if (!UserNormalizer.IsValidEmail(email)) return Task.FromResult<Result<SignInOutcome>>(AuthError.Field("email", "A valid email is required"));
        var target = UserNormalizer.NormalizeEmail(email!);
        return CompleteAsync(AuthMethods.EmailCode, tx => tickets.RedeemCodeAsync(TicketPurposes.EmailCode, target, code, tx), sessionKind, context, ct);
    }

    public Task<Result<SignInOutcome>> SmsCodeAsync(string? phoneNumber, string? code, string sessionKind, RequestContext context, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalize(phoneNumber);
        if (phone is null) return Task.FromResult<Result<SignInOutcome>>(AuthError.Field("phoneNumber", "A phone number in international format is required"));
        return CompleteAsync(AuthMethods.SmsCode, tx => tickets.RedeemCodeAsync(TicketPurposes.SmsCode, phone, code, tx), sessionKind, context, ct);
    }

    private async Task<Result<SignInOutcome>> CompleteAsync(
        string method, Func<CancellationToken, Task<Result<VerificationTicket>>> redeem, string sessionKind, RequestContext context, CancellationToken ct)
    {
        try
        {
            return await RedeemAndSignInAsync(method, redeem, sessionKind, context, ct);
        }
        catch (UniqueConstraintException)
        {
            // Two links for one new address used at once: the loser's account insert is refused and its
            // transaction (with the ticket) rolled back; its link still works and now signs in to that account.
            return Invalid(method);
        }
    }

    private Task<Result<SignInOutcome>> RedeemAndSignInAsync(
        string method, Func<CancellationToken, Task<Result<VerificationTicket>>> redeem, string sessionKind, RequestContext context, CancellationToken ct) =>
        // One transaction: the ticket is used up only if the session is saved (a failed attempt is still counted).
        unitOfWork.InTransactionAsync(async tx =>
        {
            var redeemed = await redeem(tx);
            if (!redeemed.IsSuccess)
            {
                activity.Record(ActivityTypes.LoginFailed, null, context, success: false, new { method, reason = redeemed.Error.Code });
                await unitOfWork.SaveChangesAsync(tx);
                return Result<SignInOutcome>.Fail(redeemed.Error);
            }
            var account = await AccountAsync(redeemed.Value, method, context, tx);
            if (!account.IsSuccess) return Result<SignInOutcome>.Fail(account.Error);
            var user = account.Value;
            if (user.Disabled) return new AuthError(AuthErrorCodes.AccountDisabled, "This account is disabled");
            if (method != AuthMethods.SmsCode) user.EmailVerified = true;
            if (user.TwoFactorEnabled)
            {
                await unitOfWork.SaveChangesAsync(tx);
                return new SignInOutcome(null, new TwoFactorChallenge(user.Id, [], null));
            }
            user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            var issued = sessions.Start(user, sessionKind, method, context);
            activity.Record(ActivityTypes.LoginSucceeded, user.Id, context, details: new { method, sessionId = issued.SessionId });
            await unitOfWork.SaveChangesAsync(tx);
            return new SignInOutcome(issued, null);
        }, ct);

    private async Task<Result<User>> AccountAsync(VerificationTicket ticket, string method, RequestContext context, CancellationToken ct)
    {
        if (ticket.UserId is { } id)
        {
            var existing = await users.FindByIdAsync(id, ct);
            // An email ticket proves only the address it went to; the account's address may have changed since.
            var stillValid = existing is not null && (method == AuthMethods.SmsCode ? existing.PhoneNumber == ticket.Target : existing.NormalizedEmail == ticket.Target);
            return stillValid ? existing! : Invalid(method);
        }
        if (await users.FindByNormalizedEmailAsync(ticket.Target, ct) is { } registeredSince) return registeredSince;
        var email = ticket.Payload ?? ticket.Target;
        if (signUp.Check(email) is { } closed) return closed;

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Id = Ids.New(), Email = email, NormalizedEmail = ticket.Target, EmailVerified = true,
            Role = Roles.User, CreatedAt = now, UpdatedAt = now,
        };
        users.Add(user);
        activity.Record(ActivityTypes.UserRegistered, user.Id, context, details: new { method });
        return user;
    }

    private static AuthError Invalid(string method) => method == AuthMethods.MagicLink ? TicketService.InvalidToken : TicketService.InvalidCode;
}
