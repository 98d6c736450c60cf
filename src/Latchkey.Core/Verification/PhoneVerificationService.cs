using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Users;

namespace Latchkey.Core.Verification;

/// <summary>
/// Adds a phone number to the signed-in account once an SMS code proves the user holds it. Whether the
/// number belongs to another account is only said after that proof.
/// </summary>
public sealed class PhoneVerificationService(
    IUserStore users,
    TicketService tickets,
    VerificationMessages messages,
    ActivityLog activity,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    private static readonly AuthError PhoneTaken = new(AuthErrorCodes.PhoneTaken, "This phone number belongs to another account");

    public async Task<Result<Unit>> SendCodeAsync(Guid userId, string? phoneNumber, RequestContext context, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalize(phoneNumber);
        if (phone is null) return AuthError.Field("phoneNumber", "A phone number in international format (+14155550123) is required");
        var issued = await tickets.IssueCodeAsync(TicketPurposes.PhoneVerification, userId, phone, null, ct);
        if (issued is null) return Unit.Value;
        messages.SmsCode(phone, "verify-phone", issued, context);
        activity.Record(ActivityTypes.PhoneVerificationSent, userId, context);
        await unitOfWork.SaveChangesAsync(ct);
        return Unit.Value;
    }

    public async Task<Result<User>> VerifyAsync(Guid userId, string? phoneNumber, string? code, RequestContext context, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalize(phoneNumber);
        if (phone is null) return AuthError.Field("phoneNumber", "A phone number in international format is required");
        try
        {
            return await unitOfWork.InTransactionAsync(async tx =>
            {
                var redeemed = await tickets.RedeemCodeAsync(TicketPurposes.PhoneVerification, phone, code, tx, userId);
                if (!redeemed.IsSuccess)
                {
                    activity.Record(ActivityTypes.PhoneVerified, userId, context, success: false, new { reason = redeemed.Error.Code });
                    await unitOfWork.SaveChangesAsync(tx);
                    return Result<User>.Fail(redeemed.Error);
                }
                if (await users.FindByPhoneNumberAsync(phone, tx) is { } holder && holder.Id != userId) return PhoneTaken;
                var user = (await users.FindByIdAsync(userId, tx))!;
                user.PhoneNumber = phone;
                user.PhoneNumberVerified = true;
                user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                activity.Record(ActivityTypes.PhoneVerified, userId, context);
                await unitOfWork.SaveChangesAsync(tx);
                return user;
            }, ct);
        }
        catch (UniqueConstraintException)
        {
            return PhoneTaken;
        }
    }
}
