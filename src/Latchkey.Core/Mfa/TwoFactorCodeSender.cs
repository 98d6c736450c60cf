using Latchkey.Core.Audit;
using Latchkey.Core.Common;
using Latchkey.Core.Users;
using Latchkey.Core.Verification;

namespace Latchkey.Core.Mfa;

/// <summary>
/// Email and SMS second factors on the code core of the email/phone flows: a 6-digit code stored as an
/// HMAC with an attempt budget, a per-address sending limit, and the message queued in the outbox of the
/// same unit of work. The code is bound to the user and to the channel's purpose.
/// </summary>
public sealed class TwoFactorCodeSender(TicketService tickets, VerificationMessages messages, ActivityLog activity)
{
    /// <summary>Queues a code for <paramref name="method"/> (the caller saves); an error when the channel has no address.</summary>
    public async Task<AuthError?> SendAsync(User user, string method, RequestContext context, CancellationToken ct)
    {
        if (Target(user, method) is not { } target)
            return AuthError.Field("method", "SMS codes need a verified phone number on the account");
        // Past the per-address limit nothing is sent and the answer stays the same (TicketService logs it).
        var issued = await tickets.IssueCodeAsync(Purpose(method), user.Id, target, null, ct);
        if (issued is null) return null;
        if (method == TwoFactorMethods.Email) messages.EmailCode(user.Email, "sign-in-code", issued, context, new() { ["email"] = user.Email });
        else messages.SmsCode(target, "sign-in-code", issued, context);
        activity.Record(ActivityTypes.TwoFactorCodeSent, user.Id, context, details: new { method });
        return null;
    }

    /// <summary>
    /// send-code: queues a code for <paramref name="method"/> (default: the default method) if it is an
    /// email or SMS method of the user — confirmed, or also pending when <paramref name="includePending"/>.
    /// </summary>
    public async Task<Result<string>> SendForAsync(User user, IReadOnlyList<UserTwoFactorMethod> methods, string? method, bool includePending, RequestContext context, CancellationToken ct)
    {
        method ??= methods.FirstOrDefault(m => m.IsConfirmed && m.IsDefault)?.Method;
        var known = methods.Any(m => m.Method == method && (m.IsConfirmed || includePending));
        if (!TwoFactorMethods.IsDelivered(method) || !known)
            return AuthError.Field("method", "Codes are sent only for an email or sms method of this account");
        return await SendAsync(user, method!, context, ct) is { } error ? error : method!;
    }

    /// <summary>True when <paramref name="code"/> is the newest unused code sent to the user for <paramref name="method"/>; it is used up.</summary>
    public async Task<bool> RedeemAsync(User user, string method, string? code, CancellationToken ct) =>
        Target(user, method) is { } target && (await tickets.RedeemCodeAsync(Purpose(method), target, code, ct, user.Id)).IsSuccess;

    private static string Purpose(string method) =>
        method == TwoFactorMethods.Email ? TicketPurposes.TwoFactorEmail : TicketPurposes.TwoFactorSms;

    private static string? Target(User user, string method) => method switch
    {
        TwoFactorMethods.Email => user.NormalizedEmail,
        TwoFactorMethods.Sms when user is { PhoneNumberVerified: true, PhoneNumber: { } phone } => phone,
        _ => null,
    };
}
