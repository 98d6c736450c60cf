using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Microsoft.Extensions.Options;

namespace Latchkey.Core.Verification;

/// <summary>
/// Sends what a passwordless sign-in needs: a magic link or a code by email (to an account, or to a new
/// address when sign-up is open to it) or a code by SMS (to a verified phone number). Every request answers
/// the same whatever the address, so none of them tells who has an account.
/// </summary>
public sealed class PasswordlessRequestService(
    IUserStore users,
    TicketService tickets,
    VerificationMessages messages,
    RedirectPolicy redirects,
    SignUpPolicy signUp,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    IOptions<VerificationOptions> options)
{
    public async Task<Result<Unit>> SendMagicLinkAsync(string? email, string? redirectTo, RequestContext context, CancellationToken ct)
    {
        if (!UserNormalizer.IsValidEmail(email)) return AuthError.Field("email", "A valid email is required");
        var page = redirects.Resolve(redirectTo, LinkPages.MagicLink);
        if (!page.IsSuccess) return page.Error;
        var (userId, address) = await RecipientAsync(email!, ct);
        if (address is null) return Unit.Value;

        var issued = await tickets.IssueLinkAsync(TicketPurposes.MagicLink, userId, UserNormalizer.NormalizeEmail(address), options.Value.MagicLinkLifetime, address, ct);
        if (issued is null) return Unit.Value;
        messages.EmailLink(address, "magic-link", issued, page.Value, context, new() { ["email"] = address });
        activity.Record(ActivityTypes.MagicLinkSent, userId, context);
        await unitOfWork.SaveChangesAsync(ct);
        return Unit.Value;
    }

    public async Task<Result<Unit>> SendEmailCodeAsync(string? email, RequestContext context, CancellationToken ct)
    {
        if (!UserNormalizer.IsValidEmail(email)) return AuthError.Field("email", "A valid email is required");
        var (userId, address) = await RecipientAsync(email!, ct);
        if (address is null) return Unit.Value;

        var issued = await tickets.IssueCodeAsync(TicketPurposes.EmailCode, userId, UserNormalizer.NormalizeEmail(address), address, ct);
        if (issued is null) return Unit.Value;
        messages.EmailCode(address, "sign-in-code", issued, context, new() { ["email"] = address });
        activity.Record(ActivityTypes.SignInCodeSent, userId, context, details: new { channel = "email" });
        await unitOfWork.SaveChangesAsync(ct);
        return Unit.Value;
    }

    public async Task<Result<Unit>> SendSmsCodeAsync(string? phoneNumber, RequestContext context, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalize(phoneNumber);
        if (phone is null) return AuthError.Field("phoneNumber", "A phone number in international format (+14155550123) is required");
        var user = await users.FindByPhoneNumberAsync(phone, ct);
        if (user is null || !user.PhoneNumberVerified || user.Disabled) return Unit.Value;

        var issued = await tickets.IssueCodeAsync(TicketPurposes.SmsCode, user.Id, phone, null, ct);
        if (issued is null) return Unit.Value;
        messages.SmsCode(phone, "sign-in-code", issued, context);
        activity.Record(ActivityTypes.SignInCodeSent, user.Id, context, details: new { channel = "sms" });
        await unitOfWork.SaveChangesAsync(ct);
        return Unit.Value;
    }

    /// <summary>The account to mail (its id and address), a new address allowed to sign up (no id), or nobody.</summary>
    private async Task<(Guid? UserId, string? Address)> RecipientAsync(string email, CancellationToken ct)
    {
        var user = await users.FindByNormalizedEmailAsync(UserNormalizer.NormalizeEmail(email), ct);
        if (user is not null) return user.Disabled ? (null, null) : (user.Id, user.Email);
        return signUp.Allows(email) ? (null, email.Trim()) : (null, null);
    }
}
